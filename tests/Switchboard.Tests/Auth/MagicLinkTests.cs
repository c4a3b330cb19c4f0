using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

public sealed class MagicLinkTests
{
    private const string Admin = TestHost.FirstAdminEmail;

    [Fact]
    public async Task Link_read_in_the_dev_mail_view_signs_the_agent_in_and_me_names_them()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        var requested = await driver.RequestLinkAsync("Admin@Acme.test");
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var followed = await driver.FollowAsync(await driver.LatestLinkAsync(Admin));

        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal("/", followed.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(followed.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var browser = new Browser(driver.Client, SignInDriver.SessionCookie(followed)!);
        var me = await browser.MeAsync();
        Assert.Equal(Admin, me.GetProperty("email").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal("session", me.GetProperty("via").GetString());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("csrfToken").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/conversations")).StatusCode);
    }

    [Fact]
    public async Task Link_expires_after_15_minutes()
    {
        await using var host = await TestHost.StartAsync(fakeTime: true);
        using var driver = new SignInDriver(host);
        await driver.RequestLinkAsync(Admin);
        var link = await driver.LatestLinkAsync(Admin);

        host.Time!.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var followed = await driver.FollowAsync(link);

        Assert.Equal("/sign-in?error=expired", followed.Headers.Location?.OriginalString);
        Assert.Null(SignInDriver.SessionCookie(followed));
    }

    [Fact]
    public async Task Link_works_once_and_the_second_click_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        await driver.RequestLinkAsync(Admin);
        var link = await driver.LatestLinkAsync(Admin);

        await driver.SignInWithLinkAsync(link);
        var second = await driver.FollowAsync(link);

        Assert.Equal("/sign-in?error=used", second.Headers.Location?.OriginalString);
        Assert.Null(SignInDriver.SessionCookie(second));
    }

    [Fact]
    public async Task Two_clicks_at_the_same_time_open_one_session()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        await driver.RequestLinkAsync(Admin);
        var link = await driver.LatestLinkAsync(Admin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => driver.FollowAsync(link)));

        Assert.Single(responses, r => SignInDriver.SessionCookie(r) is not null);
    }

    [Fact]
    public async Task Unknown_address_gets_202_and_no_mail()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        var response = await driver.RequestLinkAsync("stranger@example.com");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await driver.MailAsync());
    }

    [Fact]
    public async Task Address_that_is_not_an_email_gets_400_naming_the_field()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);

        var response = await driver.RequestLinkAsync("not an address");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("email", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Sixth_request_for_one_address_within_15_minutes_gets_429_until_the_window_passes()
    {
        await using var host = await TestHost.StartAsync(fakeTime: true);
        using var driver = new SignInDriver(host);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await driver.RequestLinkAsync(Admin)).StatusCode);
            host.Time!.Advance(TimeSpan.FromMinutes(1));
        }

        var sixth = await driver.RequestLinkAsync(Admin);
        var unknownSixth = await RequestSixTimesAsync(driver, "stranger@example.com");
        host.Time!.Advance(TimeSpan.FromMinutes(11));
        var later = await driver.RequestLinkAsync(Admin);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.NotNull(sixth.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknownSixth.StatusCode); // strangers are limited alike: no tell
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        Assert.Equal(6, (await driver.MailToAsync(Admin)).Count);
    }

    [Fact]
    public async Task A_stranger_hammering_an_agents_address_does_not_lock_the_agent_out()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Auth:ClientAddressHeader"] = "X-Forwarded-For" }, fakeTime: true);
        using var driver = new SignInDriver(host);
        // The front end appends the address it saw; what the stranger writes before it changes nothing.
        Task<HttpResponseMessage> RequestFrom(string forwardedFor, string email) => driver.Client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/auth/magic-links") { Content = JsonContent.Create(new { email }), Headers = { { "X-Forwarded-For", forwardedFor } } });
        for (var i = 0; i < 5; i++)
        {
            await RequestFrom($"10.0.0.{i}, 203.0.113.7", Admin);
        }

        var stranger = await RequestFrom("10.0.0.99, 203.0.113.7", Admin);
        var agent = await RequestFrom("198.51.100.20", Admin);

        Assert.Equal(HttpStatusCode.TooManyRequests, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, agent.StatusCode);
        Assert.Equal(6, (await driver.MailToAsync(Admin)).Count);
    }

    [Fact]
    public async Task One_caller_spraying_many_addresses_is_limited_after_20()
    {
        await using var host = await TestHost.StartAsync(fakeTime: true);
        using var driver = new SignInDriver(host);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await driver.RequestLinkAsync($"guess{i}@acme.test")).StatusCode);
        }

        var next = await driver.RequestLinkAsync("guess20@acme.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.NotNull(next.Headers.RetryAfter);
    }

    [Fact]
    public async Task Tampered_session_cookie_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        using var driver = new SignInDriver(host);
        var browser = await driver.SignInAsync(Admin);
        var parts = browser.Cookie.Split('.');
        parts[0] = "sb-session=aother0123456789";

        var response = await new Browser(driver.Client, string.Join('.', parts)).GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> RequestSixTimesAsync(SignInDriver driver, string email)
    {
        for (var i = 0; i < 5; i++)
        {
            await driver.RequestLinkAsync(email);
        }
        return await driver.RequestLinkAsync(email);
    }
}
