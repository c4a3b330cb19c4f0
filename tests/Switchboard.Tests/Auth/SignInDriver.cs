using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

/// <summary>
/// Signs agents in as a person would: asks for a link, reads it in the dev mail view, follows it. Its client keeps no
/// cookies and follows no redirects, so each test sees exactly what the server set.
/// </summary>
public sealed partial class SignInDriver(TestHost host) : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

    public Task<HttpResponseMessage> RequestLinkAsync(string email) =>
        Client.PostAsJsonAsync("/api/auth/magic-links", new { email });

    /// <summary>The mail in the sink, newest first (read anonymously, as the local host allows on loopback).</summary>
    public async Task<List<JsonElement>> MailAsync()
    {
        var response = await Client.GetAsync("/api/dev/mail");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    public async Task<List<JsonElement>> MailToAsync(string email) =>
        [.. (await MailAsync()).Where(m => m.GetProperty("to").GetString()!.Contains(email, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The link in the newest mail to the address.</summary>
    public async Task<Uri> LatestLinkAsync(string email)
    {
        var newest = (await MailToAsync(email)).First();
        var message = await Client.GetFromJsonAsync<JsonElement>($"/api/dev/mail/{newest.GetProperty("id").GetString()}");
        return new Uri(LinkPattern().Match(message.GetProperty("text").GetString()!).Value);
    }

    public Task<HttpResponseMessage> FollowAsync(Uri link) => Client.GetAsync(link);

    /// <summary>Requests a link, follows it and returns the signed-in browser.</summary>
    public async Task<Browser> SignInAsync(string email)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await RequestLinkAsync(email)).StatusCode);
        return await SignInWithLinkAsync(await LatestLinkAsync(email));
    }

    public async Task<Browser> SignInWithLinkAsync(Uri link)
    {
        var response = await FollowAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = SessionCookie(response) ?? throw new Xunit.Sdk.XunitException("The link set no session cookie.");
        var browser = new Browser(Client, cookie);
        browser.CsrfToken = (await browser.MeAsync()).GetProperty("csrfToken").GetString();
        return browser;
    }

    /// <summary>"name=value" of the session cookie the response set, if any.</summary>
    public static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith("sb-session=", StringComparison.Ordinal) && v.Length > "sb-session=".Length)
            : null;

    /// <summary>Invites with the bootstrap key, then follows the invitation as the new agent.</summary>
    public async Task<Browser> InviteAndSignInAsync(string email, string role, string name = "Test Agent")
    {
        var invited = await Bootstrap(HttpMethod.Post, "/api/agents/invitations", new { email, name, role });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        return await SignInWithLinkAsync(await LatestLinkAsync(email));
    }

    public Task<HttpResponseMessage> Bootstrap(HttpMethod method, string path, object? body = null) =>
        Client.SendAsync(new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey) },
            Content = body is null ? null : JsonContent.Create(body),
        });

    public async Task<string> AgentIdAsync(string email)
    {
        var agents = await (await Bootstrap(HttpMethod.Get, "/api/agents")).Content.ReadFromJsonAsync<JsonElement>();
        return agents.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex(@"http://\S+/api/auth/magic-links/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}

/// <summary>A signed-in browser: sends its cookie, and the anti-forgery header on changes unless told not to.</summary>
public sealed class Browser(HttpClient client, string cookie)
{
    public string Cookie { get; } = cookie;
    public string? CsrfToken { get; set; }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", Cookie);
        if (withCsrf && CsrfToken is not null && method != HttpMethod.Get)
        {
            request.Headers.Add("X-Switchboard-Csrf", CsrfToken);
        }
        return client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public async Task<JsonElement> MeAsync()
    {
        var response = await GetAsync("/api/auth/me");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
