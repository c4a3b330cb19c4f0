using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Core.StaticSite;
using Switchboard.Storage.StaticSite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.StaticSite;

public sealed class StaticSiteStoreTests
{
    [Fact]
    public async Task A_published_section_serves_every_file_with_its_type_and_directory_index()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var store = host.Services.GetRequiredService<StaticSiteStore>();

        await store.PublishAsync(SiteSections.KnowledgeBase, [Html("index.html", "home"), Html("articles/reset/index.html", "reset"), Json("search.json", "[]")]);

        Assert.Equal("home", await ReadAsync(store, ""));
        Assert.Equal("reset", await ReadAsync(store, "articles/reset"));
        Assert.Equal("reset", await ReadAsync(store, "articles/reset/"));
        var index = await store.OpenAsync(SiteSections.KnowledgeBase, "search.json");
        Assert.Equal("application/json", index!.ContentType);
        Assert.Null(await store.OpenAsync(SiteSections.KnowledgeBase, "articles/missing"));
        Assert.Null(await store.OpenAsync(SiteSections.Status, "index.html"));
    }

    [Fact]
    public async Task Republishing_uploads_only_changed_files_and_drops_removed_ones()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var store = host.Services.GetRequiredService<StaticSiteStore>();
        await store.PublishAsync(SiteSections.KnowledgeBase, [Html("index.html", "home"), Html("a/index.html", "a"), Html("b/index.html", "b")]);

        var release = await store.PublishAsync(SiteSections.KnowledgeBase, [Html("index.html", "home"), Html("a/index.html", "a, edited")]);

        Assert.Equal(1, release.Uploaded);
        Assert.Equal("a, edited", await ReadAsync(store, "a/"));
        Assert.Null(await store.OpenAsync(SiteSections.KnowledgeBase, "b/"));
    }

    [Fact]
    public async Task Publishing_the_same_files_again_makes_no_new_release()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var store = host.Services.GetRequiredService<StaticSiteStore>();
        var first = await store.PublishAsync(SiteSections.Status, [Html("index.html", "all good")]);

        var again = await store.PublishAsync(SiteSections.Status, [Html("index.html", "all good")]);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(0, again.Uploaded);
    }

    [Fact]
    public async Task Concurrent_publishes_leave_exactly_one_whole_release_served()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var store = host.Services.GetRequiredService<StaticSiteStore>();
        await store.PublishAsync(SiteSections.KnowledgeBase, [Html("index.html", "v0")]);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(async n =>
        {
            try
            {
                await Task.Yield();
                await store.PublishAsync(SiteSections.KnowledgeBase, [Html("index.html", $"v{n}"), Html($"page-{n}/index.html", $"{n}")]);
                return "published";
            }
            catch (SitePublishConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Contains("published", outcomes);
        var served = await ReadAsync(store, "");
        var n = int.Parse(served[1..]);
        Assert.Equal($"{n}", await ReadAsync(store, $"page-{n}/"));
        var current = await store.CurrentAsync(SiteSections.KnowledgeBase);
        Assert.Equal(2, current!.Files.Count);
    }

    [Fact]
    public async Task Old_releases_and_the_files_only_they_used_are_pruned()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        // Storage stamps blobs with the real clock, so the fake one starts there.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new StaticSiteStore(host.Storage, time);
        var last = StaticSiteStore.ReleasesKept + 2;
        for (var version = 1; version <= last; version++)
        {
            // Files an in-flight publish may be about to use survive the grace period; the last publish comes after it.
            time.Advance(version == last ? StaticSiteStore.PruneGrace + TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(1));
            await store.PublishAsync(SiteSections.KnowledgeBase, [Html("index.html", $"v{version}")]);
        }

        var container = host.Storage.Container("site");
        var releases = new List<string>();
        var files = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "", default))
        {
            if (blob.Name.StartsWith("releases/kb/", StringComparison.Ordinal)) releases.Add(blob.Name);
            if (blob.Name.StartsWith("files/kb/", StringComparison.Ordinal)) files.Add(blob.Name);
        }
        Assert.Equal(StaticSiteStore.ReleasesKept, releases.Count);
        Assert.Equal(StaticSiteStore.ReleasesKept, files.Count);
        Assert.Equal($"v{StaticSiteStore.ReleasesKept + 2}", await ReadAsync(store, ""));
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("/absolute.html")]
    [InlineData("a/../../b.html")]
    [InlineData("dir/")]
    [InlineData("back\\slash.html")]
    public async Task Paths_that_leave_the_section_are_refused_before_anything_is_written(string path)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var store = host.Services.GetRequiredService<StaticSiteStore>();

        await Assert.ThrowsAsync<ArgumentException>(() => store.PublishAsync(SiteSections.KnowledgeBase, [Html("index.html", "x"), Html(path, "bad")]));
        Assert.Null(await store.CurrentAsync(SiteSections.KnowledgeBase));
    }

    internal static SiteFile Html(string path, string text) => new(path, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(text));

    internal static SiteFile Json(string path, string text) => new(path, "application/json", Encoding.UTF8.GetBytes(text));

    private static async Task<string> ReadAsync(StaticSiteStore store, string path)
    {
        var file = await store.OpenAsync(SiteSections.KnowledgeBase, path) ?? throw new InvalidOperationException($"'{path}' is not served.");
        using var reader = new StreamReader(file.Content);
        return await reader.ReadToEndAsync();
    }
}
