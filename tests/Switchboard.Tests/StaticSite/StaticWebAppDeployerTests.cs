using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.StaticSite;
using Switchboard.Handlers.StaticSite;
using Switchboard.Storage.StaticSite;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.StaticSite.StaticSiteStoreTests;

namespace Switchboard.Tests.StaticSite;

public sealed class StaticWebAppDeployerTests
{
    private const string SiteId = "/subscriptions/0000/resourceGroups/rg-test/providers/Microsoft.Web/staticSites/stapp-test";

    [Fact]
    public async Task Publishing_deploys_the_whole_site_as_one_zip_with_the_hardening_headers()
    {
        await using var arm = await FakeResourceManager.StartAsync();
        await using var host = await StartHostAsync(arm);
        var publisher = host.Services.GetRequiredService<SitePublisher>();

        await publisher.PublishAsync(SiteSections.KnowledgeBase, [Html("index.html", "help"), Html("404.html", "lost")]);
        await publisher.PublishAsync(SiteSections.Status, [Html("index.html", "all good"), Json("status.json", "{}")]);
        Assert.True(await Eventually.TrueAsync(() => arm.Deployments.LastOrDefault()?.Entries.ContainsKey("status/status.json") == true));

        var zip = arm.Deployments.Last();
        Assert.Equal("help", zip.Entries["kb/index.html"]);
        Assert.Equal("all good", zip.Entries["status/index.html"]);
        using var config = JsonDocument.Parse(zip.Entries["staticwebapp.config.json"]);
        var csp = config.RootElement.GetProperty("globalHeaders").GetProperty("Content-Security-Policy").GetString()!;
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("/kb/404.html", config.RootElement.GetProperty("responseOverrides").GetProperty("404").GetProperty("rewrite").GetString());
        Assert.Equal("Bearer test-token", zip.Authorization);
    }

    [Fact]
    public async Task A_deployment_of_releases_already_live_sends_nothing()
    {
        await using var arm = await FakeResourceManager.StartAsync();
        await using var host = await StartHostAsync(arm, queuePump: false);
        await host.Services.GetRequiredService<StaticSiteStore>().PublishAsync(SiteSections.Status, [Html("index.html", "ok")]);
        var deployer = host.Services.GetRequiredService<StaticWebAppDeployer>();

        Assert.True(await deployer.DeployAsync());
        Assert.False(await deployer.DeployAsync());

        Assert.Single(arm.Deployments);
    }

    [Fact]
    public async Task A_failed_deployment_is_reported_so_the_message_is_retried()
    {
        await using var arm = await FakeResourceManager.StartAsync(fail: true);
        await using var host = await StartHostAsync(arm, queuePump: false);
        await host.Services.GetRequiredService<StaticSiteStore>().PublishAsync(SiteSections.Status, [Html("index.html", "ok")]);
        var deployer = host.Services.GetRequiredService<StaticWebAppDeployer>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => deployer.DeployAsync());

        Assert.Contains("Failed", error.Message);
        // Not recorded as live: the retry deploys again.
        await Assert.ThrowsAsync<InvalidOperationException>(() => deployer.DeployAsync());
        Assert.Equal(2, arm.Deployments.Count);
    }

    private static Task<TestHost> StartHostAsync(FakeResourceManager arm, bool queuePump = true) => TestHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["StaticSite:StaticWebAppResourceId"] = SiteId,
            ["StaticSite:ManagementEndpoint"] = arm.BaseAddress,
        },
        services => services.AddSingleton<TokenCredential>(new FixedToken()),
        queuePump: queuePump);

    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    public sealed record Deployment(string? Authorization, IReadOnlyDictionary<string, string> Entries);

    /// <summary>
    /// Resource Manager's zip deployment of a static site, as far as Switchboard uses it: 202 with an
    /// Azure-AsyncOperation to poll (InProgress once, then Succeeded or Failed), and it fetches the zip from appZipUrl.
    /// </summary>
    private sealed class FakeResourceManager(WebApplication app) : IAsyncDisposable
    {
        public ConcurrentQueue<Deployment> Deployments { get; } = new();
        private bool failing;
        private readonly ConcurrentDictionary<string, int> polls = new();

        public string BaseAddress => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        public static async Task<FakeResourceManager> StartAsync(bool fail = false)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var fake = new FakeResourceManager(app) { failing = fail };
            app.MapPost(SiteId + "/zipdeploy", fake.ZipDeployAsync);
            app.MapGet("/operations/{id}", (string id) =>
                Results.Json(new { status = fake.polls.AddOrUpdate(id, 1, (_, n) => n + 1) == 1 ? "InProgress" : fake.failing ? "Failed" : "Succeeded" }));
            await app.StartAsync();
            return fake;
        }

        private async Task<IResult> ZipDeployAsync(HttpRequest request)
        {
            if (request.Query["api-version"] != StaticWebAppDeployer.ApiVersion)
            {
                return Results.BadRequest("api-version");
            }
            using var body = await JsonDocument.ParseAsync(request.Body);
            var url = body.RootElement.GetProperty("properties").GetProperty("appZipUrl").GetString()!;
            using var http = new HttpClient();
            await using var zipStream = await http.GetStreamAsync(url);
            using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
            var entries = new Dictionary<string, string>();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                entries[entry.FullName] = await reader.ReadToEndAsync();
            }
            Deployments.Enqueue(new Deployment(request.Headers.Authorization, entries));
            var operation = Guid.NewGuid().ToString("N");
            request.HttpContext.Response.Headers["Azure-AsyncOperation"] = $"{BaseAddress}/operations/{operation}";
            request.HttpContext.Response.Headers.RetryAfter = "0";
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
