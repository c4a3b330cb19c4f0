using System.Net;
using Switchboard.Handlers.Escalation;
using Switchboard.Handlers.Security;
using Switchboard.Tests.Escalation;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;

namespace Switchboard.Tests.Security;

/// <summary>
/// Server-side request forgery: URLs agents choose (page webhooks) reach only public hosts — checked when saved, and
/// again at connect time after DNS — and a redirect is never followed.
/// </summary>
public sealed class OutboundRequestTests
{
    [Theory]
    [InlineData("https://localhost./hook")]
    [InlineData("https://foo.localhost./hook")]
    [InlineData("https://LOCALHOST/hook")]
    [InlineData("https://127.0.0.1./hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://[::a9fe:a9fe]/hook")]
    [InlineData("https://[::ffff:a9fe:a9fe]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://[64:ff9b::a00:1]/hook")]
    [InlineData("https://[64:ff9b::7f00:1]/hook")]
    [InlineData("https://198.18.0.1/hook")]
    [InlineData("https://198.19.255.1/hook")]
    [InlineData("https://192.0.0.1/hook")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://192.0.2.1/hook")]
    [InlineData("https://240.0.0.1/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    [InlineData("https://[2002:7f00:1::1]/hook")]
    [InlineData("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://[fc00::1]/hook")]
    [InlineData("https://[fec0::1]/hook")]
    [InlineData("https://[ff02::1]/hook")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("https://metadata.google.internal./computeMetadata/v1/")]
    [InlineData("https://METADATA.goog/")]
    [InlineData("https://printer.local/hook")]
    [InlineData("https://router.home.arpa/hook")]
    [InlineData("https://ｌｏｃａｌｈｏｓｔ/hook")]
    public void Special_purpose_hosts_in_any_spelling_are_refused(string url) =>
        Assert.NotNull(PublicEndpoints.UrlProblem(url, allowLocal: false));

    [Theory]
    [InlineData("https://hooks.slack.com/services/T0/B0/x")]
    [InlineData("https://hooks.slack.com./services/T0/B0/x")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    [InlineData("https://[64:ff9b::808:808]/hook")]
    [InlineData("https://bücher.example.com/hook")]
    public void Public_https_hosts_are_accepted(string url) =>
        Assert.Null(PublicEndpoints.UrlProblem(url, allowLocal: false));

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/")]
    [InlineData("http://100.100.100.200/latest/meta-data/")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/")]
    public void Cloud_metadata_stays_refused_when_development_allows_local_webhooks(string url) =>
        Assert.NotNull(PublicEndpoints.UrlProblem(url, allowLocal: true));

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_at_connect_time()
    {
        using var server = new LocalHttpServer();
        using var guarded = new HttpClient(PublicEndpoints.CreateHandler(allowLocal: false));
        using var development = new HttpClient(PublicEndpoints.CreateHandler(allowLocal: true));

        // "localhost" stands for any public-looking name whose DNS answer is internal (or is re-pointed there later).
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => guarded.GetAsync($"http://localhost:{server.Port}/internal"));
        var allowed = await development.GetAsync($"http://localhost:{server.Port}/dev");

        Assert.Contains("not public", refused.Message);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(["/dev"], server.Requests);
    }

    [Fact]
    public async Task A_page_webhook_that_redirects_is_not_followed_and_agents_see_only_failed()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Escalation:AllowLocalWebhooks"] = "true" }, queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        using var internalService = new LocalHttpServer();
        using var webhook = new LocalHttpServer
        {
            Respond = (_, response) =>
            {
                response.StatusCode = 307;
                response.RedirectLocation = internalService.Origin + "/admin/delete-everything";
            },
        };
        var dana = (await OnCallDriver.ReadAsync(await driver.OnCall.SendAsync(HttpMethod.Post, "/api/agents/invitations", new { email = "dana@acme.test", name = "Dana", role = "agent" }), 201)).Str("id");
        await OnCallDriver.ReadAsync(await driver.OnCall.SendAsync(HttpMethod.Put, $"/api/oncall/agents/{dana}/paging", new { webhookUrl = webhook.Origin + "/hook" }), 200);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: [dana]) } });
        await driver.CustomerWritesAsync("Printer on fire");

        await driver.AdvanceAsync(TimeSpan.FromMinutes(11));

        Assert.Single(await driver.PagesAsync());
        Assert.Equal(["/hook"], webhook.Requests);
        Assert.Empty(internalService.Requests);
        var channel = (await driver.PageLogAsync()).GetProperty("items")[0].GetProperty("channels").EnumerateArray().Single(c => c.Str("channel") == "webhook");
        Assert.False(channel.GetProperty("ok").GetBoolean());
        Assert.Equal(PageSender.WebhookFailed, channel.Str("detail"));
    }
}
