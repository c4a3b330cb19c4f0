using System.Net;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Functions;

/// <summary>The agent app as the catch-all function serves it (the same function Azure runs), from a small built app.</summary>
public sealed class WebAppTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("webapp-").FullName;
    private string Dist => Path.Combine(folder, "dist");

    public WebAppTests()
    {
        Directory.CreateDirectory(Path.Combine(Dist, "assets"));
        File.WriteAllText(Path.Combine(Dist, "index.html"), "<!doctype html><title>Switchboard</title>");
        File.WriteAllText(Path.Combine(Dist, "assets", "index-3f2a1b.js"), "console.log('app')");
        File.WriteAllText(Path.Combine(folder, "secret.txt"), "outside the app");
    }

    [Fact]
    public async Task Index_is_revalidated_and_hashed_assets_are_cached_for_good()
    {
        await using var host = await StartAsync(Dist);

        var index = await host.Client.GetAsync("/");
        var asset = await host.Client.GetAsync("/assets/index-3f2a1b.js");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/inbox/some-conversation")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/assets/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/.hidden")]
    public async Task Any_other_path_gets_the_app_and_nothing_outside_it(string path)
    {
        await using var host = await StartAsync(Dist);

        var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<!doctype html><title>Switchboard</title>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_api_path_is_a_json_404_not_the_app()
    {
        await using var host = await StartAsync(Dist);

        var response = await host.Client.PostAsync("/api/no/such/route", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Before_the_app_is_built_the_page_says_how_to_build_it()
    {
        await using var host = await StartAsync(Path.Combine(folder, "not-built"));

        var response = await host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("npm --prefix web run build", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Task<TestHost> StartAsync(string root) =>
        TestHost.StartAsync(new Dictionary<string, string?> { ["WebApp:Root"] = root }, queuePump: false);
}
