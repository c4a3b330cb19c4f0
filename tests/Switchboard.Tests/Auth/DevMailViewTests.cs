using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

public sealed class DevMailViewTests
{
    [Fact]
    public async Task Local_host_lets_a_loopback_caller_read_the_sink_without_signing_in()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        await driver.RequestLinkAsync(TestHost.FirstAdminEmail);

        var mail = Assert.Single(await driver.MailAsync());
        var message = await driver.Client.GetFromJsonAsync<JsonElement>($"/api/dev/mail/{mail.GetProperty("id").GetString()}");

        Assert.Equal("Your Switchboard sign-in link", mail.GetProperty("subject").GetString());
        Assert.Equal("Switchboard <support@acme.test>", message.GetProperty("from").GetString());
        Assert.Equal("auto-generated", message.GetProperty("headers").GetProperty("Auto-Submitted").GetString());
        Assert.Contains("/api/auth/magic-links/", message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Forwarded_request_to_the_sink_must_be_signed_in_even_on_loopback()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/api/dev/mail") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        using var renamed = new HttpRequestMessage(HttpMethod.Get, "/api/dev/mail") { Headers = { Host = "abc.tunnel.example" } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await driver.Client.SendAsync(forwarded)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await driver.Client.SendAsync(renamed)).StatusCode);
    }

    [Theory]
    [InlineData("X-Real-IP", "127.0.0.1")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("True-Client-IP", "127.0.0.1")]
    [InlineData("CF-Connecting-IP", "203.0.113.9")]
    [InlineData("Via", "1.1 tunnel")]
    [InlineData("Forwarded", "for=127.0.0.1")]
    public async Task Any_forwarding_header_on_a_loopback_request_to_the_sink_needs_a_sign_in(string header, string value)
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/api/dev/mail") { Headers = { { header, value } } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await driver.Client.SendAsync(forwarded)).StatusCode);
    }

    [Fact]
    public async Task Without_the_local_hosts_opening_the_sink_is_for_signed_in_agents()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["LocalHost:DevMailView"] = "false" });
        using var driver = new SignInDriver(host);

        var anonymous = await driver.Client.GetAsync("/api/dev/mail");
        var withKey = await driver.Bootstrap(HttpMethod.Get, "/api/dev/mail");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Fact]
    public async Task Unknown_sink_message_gets_404()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        Assert.Equal(HttpStatusCode.NotFound, (await driver.Client.GetAsync("/api/dev/mail/nope")).StatusCode);
    }
}
