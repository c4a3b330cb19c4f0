using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

public sealed class SessionTests
{
    [Fact]
    public async Task Sign_out_revokes_the_session_for_every_copy_of_the_cookie()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var browser = await driver.SignInAsync(TestHost.FirstAdminEmail);

        var signedOut = await browser.SendAsync(HttpMethod.Post, "/api/auth/sign-out");

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sb-session=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Disabled_agents_session_stops_working()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var agent = await driver.InviteAndSignInAsync("ben@acme.test", "agent");

        var disabled = await driver.Bootstrap(HttpMethod.Patch, $"/api/agents/{await driver.AgentIdAsync("ben@acme.test")}", new { status = "disabled" });

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync("/api/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await driver.RequestLinkAsync("ben@acme.test")).StatusCode);
        Assert.Single(await driver.MailToAsync("ben@acme.test")); // only the invitation: no link for a disabled agent
    }

    [Fact]
    public async Task Session_ends_after_12_hours()
    {
        await using var host = await TestHost.StartAsync(fakeTime: true);
        using var driver = new SignInDriver(host);
        var browser = await driver.SignInAsync(TestHost.FirstAdminEmail);

        host.Time!.Advance(TimeSpan.FromHours(12));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Cookie_authenticated_change_without_the_anti_forgery_header_gets_403_with_a_problem()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var admin = await driver.SignInAsync(TestHost.FirstAdminEmail);
        var invitation = new { email = "cara@acme.test", name = "Cara", role = "agent" };

        var forged = await admin.SendAsync(HttpMethod.Post, "/api/agents/invitations", invitation, withCsrf: false);
        var genuine = await admin.SendAsync(HttpMethod.Post, "/api/agents/invitations", invitation);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Switchboard-Csrf", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, genuine.StatusCode);
    }

    [Fact]
    public async Task Anti_forgery_token_of_another_session_does_not_count()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var first = await driver.SignInAsync(TestHost.FirstAdminEmail);
        var second = await driver.SignInAsync(TestHost.FirstAdminEmail);
        second.CsrfToken = first.CsrfToken;

        var response = await second.SendAsync(HttpMethod.Post, "/api/auth/sign-out");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
