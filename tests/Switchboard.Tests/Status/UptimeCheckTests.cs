using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Status;
using Switchboard.Handlers.Status;
using Switchboard.Handlers.Status.Checks;
using Switchboard.Storage.Mail;
using Switchboard.Storage.Status;
using Switchboard.Tests.Escalation;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.Status.StatusApiTests;

namespace Switchboard.Tests.Status;

/// <summary>Uptime checks against a local server that flaps, and the address rules that keep checks off internal networks.</summary>
public sealed class UptimeCheckTests
{
    private static readonly Dictionary<string, string?> LocalTargets = new() { ["StatusChecks:AllowLocalTargets"] = "true" };

    /// <summary>A service that answers 200 "ok", or fails the next <see cref="FailNext"/> requests, or always when <see cref="Down"/>.</summary>
    private sealed class FlappingServer : IAsyncDisposable
    {
        private readonly WebApplication app;
        public int FailNext;
        public bool Down;
        public int Requests;

        private FlappingServer(WebApplication app) => this.app = app;

        public string Url => app.Urls.Single() + "/health";

        public static async Task<FlappingServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new FlappingServer(app);
            app.MapGet("/health", () =>
            {
                Interlocked.Increment(ref server.Requests);
                if (server.Down || Interlocked.Decrement(ref server.FailNext) >= 0)
                {
                    return Results.Text("broken", statusCode: 503);
                }
                return Results.Text("ok: all good");
            });
            app.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
            await app.StartAsync();
            return server;
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    private static async Task<UptimeCheckState> RunNextAsync(TestHost host, string checkId)
    {
        var (_, state, _) = (await host.Services.GetRequiredService<UptimeCheckStore>().GetAsync(checkId))!.Value;
        host.Time!.Advance(state.NextRunAt - host.Time.GetUtcNow());
        Assert.True(await host.Services.GetRequiredService<RunUptimeCheck>().RunAsync(checkId, state.NextRunAt));
        return (await host.Services.GetRequiredService<UptimeCheckStore>().GetAsync(checkId))!.Value.State;
    }

    private static async Task<ComponentState> StateAsync(TestHost host, string componentId) =>
        (await host.Services.GetRequiredService<StatusStore>().ListComponentsAsync()).Single(c => c.Id == componentId).State;

    private static async Task<IReadOnlyList<Incident>> IncidentsAsync(TestHost host) =>
        await host.Services.GetRequiredService<StatusStore>().ListIncidentsAsync(host.Time!.GetUtcNow().AddDays(-1));

    private static async Task<int> PagesAsync(TestHost host) =>
        (await host.Services.GetRequiredService<MailSinkStore>().ListAsync(100)).Count(m => m.Subject.StartsWith("[Page]", StringComparison.Ordinal));

    [Fact]
    public async Task One_failure_opens_nothing_and_a_sustained_one_opens_one_incident_and_pages_once()
    {
        await using var server = await FlappingServer.StartAsync();
        await using var host = await TestHost.StartAsync(LocalTargets, queuePump: false, fakeTime: true);
        var component = await ComponentAsync(host, "API");
        var schedule = await new EscalationDriver(host).ScheduleAsync("2026-03-01", "oncall@acme.test");
        var created = Assert.IsType<Created<UptimeCheckView>>(await host.Services.GetRequiredService<CreateUptimeCheck>().HandleAsync(
            new NewUptimeCheck(component, server.Url, 1, 200, "all good", 5, OpenIncident: true, PageScheduleId: schedule))).Value!;
        var checkId = created.Check.Id;

        server.FailNext = 1;
        var blip = await RunNextAsync(host, checkId);
        Assert.Equal((true, 0), (blip.LastRunUp!.Value, blip.FailedRuns));
        Assert.Equal(2, server.Requests);

        server.Down = true;
        var once = await RunNextAsync(host, checkId);
        Assert.Equal((false, 1, false), (once.LastRunUp!.Value, once.FailedRuns, once.Down));
        Assert.Equal(ComponentState.Operational, await StateAsync(host, component));
        Assert.Empty(await IncidentsAsync(host));
        Assert.Equal(0, await PagesAsync(host));

        var twice = await RunNextAsync(host, checkId);
        await RunNextAsync(host, checkId);
        Assert.True(twice.Down);
        Assert.Equal(ComponentState.MajorOutage, await StateAsync(host, component));
        var incident = Assert.Single(await IncidentsAsync(host));
        Assert.False(incident.IsResolved);
        Assert.Equal(1, await PagesAsync(host));

        server.Down = false;
        var back = await RunNextAsync(host, checkId);
        Assert.False(back.Down);
        Assert.Equal(ComponentState.Operational, await StateAsync(host, component));
        Assert.True(Assert.Single(await IncidentsAsync(host)).IsResolved);
        Assert.Equal(1, await PagesAsync(host));
        Assert.False(await host.Services.GetRequiredService<RunUptimeCheck>().RunAsync(checkId, created.State.NextRunAt));
        var days = await host.Services.GetRequiredService<UptimeCheckStore>().DaysAsync(checkId, DateOnly.FromDateTime(host.Time!.GetUtcNow().UtcDateTime));
        Assert.Equal((5, 3), (days.Single().Runs, days.Single().FailedRuns));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/health")]
    [InlineData("http://[::1]/health")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://localhost/")]
    [InlineData("ftp://example.com/")]
    [InlineData("file:///etc/passwd")]
    public async Task Checks_of_internal_or_non_http_targets_are_refused(string url)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var component = await ComponentAsync(host, "API");

        var response = await SendAsync(host, HttpMethod.Post, "/api/status/checks", new { componentId = component, url, intervalMinutes = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("url", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_public_http_target_and_an_interval_out_of_range_are_told_apart()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var component = await ComponentAsync(host, "API");

        var ok = await SendAsync(host, HttpMethod.Post, "/api/status/checks", new { componentId = component, url = "http://example.com/health", intervalMinutes = 5 });
        var tooOften = await SendAsync(host, HttpMethod.Post, "/api/status/checks", new { componentId = component, url = "https://example.com/", intervalMinutes = 0 });

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooOften.StatusCode);
    }

    [Fact]
    public async Task In_production_the_probe_refuses_to_connect_to_loopback_after_resolution()
    {
        await using var server = await FlappingServer.StartAsync();
        await using var host = await TestHost.StartAsync(queuePump: false);
        var check = new UptimeCheck("k1", "c1", server.Url, 1, 200, null, 5, false, null, DateTimeOffset.UnixEpoch);

        var result = await host.Services.GetRequiredService<UptimeProbe>().RunAsync(check);

        Assert.False(result.Up);
        Assert.Equal("could not connect", result.Detail);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task A_redirect_to_a_metadata_address_is_not_followed_even_where_local_targets_are_allowed()
    {
        await using var server = await FlappingServer.StartAsync();
        await using var host = await TestHost.StartAsync(LocalTargets, queuePump: false);
        var check = new UptimeCheck("k1", "c1", server.Url.Replace("/health", "/to-metadata"), 1, 200, null, 5, false, null, DateTimeOffset.UnixEpoch);

        var result = await host.Services.GetRequiredService<UptimeProbe>().RunAsync(check);

        Assert.Equal((false, "redirected to an address that is not allowed"), (result.Up, result.Detail));
    }
}
