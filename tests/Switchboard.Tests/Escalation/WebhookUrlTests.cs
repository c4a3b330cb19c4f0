using Switchboard.Handlers.Escalation;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;
using Switchboard.Tests.Inbound;

namespace Switchboard.Tests.Escalation;

/// <summary>The server posts pages to agents' webhook URLs, so only public https ones are accepted (SSRF).</summary>
public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/services/T0/B0/x", false, true)]
    [InlineData("https://example.org:8443/hook", false, true)]
    [InlineData("http://hooks.slack.com/services/T0/B0/x", false, false)]
    [InlineData("https://localhost/hook", false, false)]
    [InlineData("https://127.0.0.1/hook", false, false)]
    [InlineData("https://[::1]/hook", false, false)]
    [InlineData("https://10.1.2.3/hook", false, false)]
    [InlineData("https://172.20.0.1/hook", false, false)]
    [InlineData("https://192.168.1.1/hook", false, false)]
    [InlineData("https://169.254.169.254/metadata", false, false)]
    [InlineData("https://[fe80::1]/hook", false, false)]
    [InlineData("https://[::ffff:10.0.0.1]/hook", false, false)]
    [InlineData("https://intranet/hook", false, false)]
    [InlineData("https://user:pw@example.org/hook", false, false)]
    [InlineData("ftp://example.org/hook", false, false)]
    [InlineData("http://127.0.0.1:5000/hook", true, true)]
    [InlineData("http://localhost:5000/hook", true, true)]
    [InlineData("https://10.1.2.3/hook", true, true)]
    [InlineData("http://example.org/hook", true, false)]
    public void Only_public_https_urls_are_accepted_and_local_ones_in_development(string url, bool development, bool accepted) =>
        Assert.Equal(accepted, WebhookUrlPolicy.Problem(url, development) is null);

    [Fact]
    public async Task The_paging_route_refuses_a_cloud_metadata_address_naming_the_field()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        var dana = (await OnCallDriver.ReadAsync(await driver.OnCall.SendAsync(HttpMethod.Post, "/api/agents/invitations", new { email = "dana@acme.test", name = "Dana", role = "agent" }), 201)).Str("id");

        var refused = await OnCallDriver.ReadAsync(await driver.OnCall.SendAsync(HttpMethod.Put, $"/api/oncall/agents/{dana}/paging", new { webhookUrl = "http://169.254.169.254/latest/meta-data/" }), 400);
        var accepted = await OnCallDriver.ReadAsync(await driver.OnCall.SendAsync(HttpMethod.Put, $"/api/oncall/agents/{dana}/paging", new { webhookUrl = "https://hooks.slack.com/services/T0/B0/x" }), 200);

        Assert.Equal("webhookUrl", refused.Str("field"));
        Assert.Equal("https://hooks.slack.com/services/T0/B0/x", accepted.Str("webhookUrl"));
    }
}
