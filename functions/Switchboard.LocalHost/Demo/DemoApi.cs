using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// The host's own HTTP API as the demo uses it: admin work with the bootstrap key, and the rest as signed-in agents,
/// who sign in as a person would (ask for a link, read it in the mail sink, follow it), so that replies, notes and
/// saved replies belong to real teammates.
/// </summary>
public sealed partial class DemoApi(HttpClient client, string bootstrapKey, string webhookSecret) : IDisposable
{
    private readonly Dictionary<string, Task<string>> cookies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> csrfTokens = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A client of the host at <paramref name="baseAddress"/> that keeps no cookies and follows no redirects.</summary>
    public static DemoApi Create(Uri baseAddress, string bootstrapKey, string webhookSecret) =>
        new(new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        }, bootstrapKey, webhookSecret);

    /// <summary>The host the demo talks to (its own address, e.g. for an uptime check of its health endpoint).</summary>
    public Uri BaseAddress => client.BaseAddress!;

    /// <summary>A request with the bootstrap key (the first admin); throws unless it succeeds or answers one of <paramref name="allowed"/>.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> AdminAsync(
        HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default, params HttpStatusCode[] allowed)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bootstrapKey);
        return await SendAsync(request, allowed, cancellationToken);
    }

    /// <summary>A request as the agent with this address, signed in on first use.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> AsAgentAsync(
        string email, HttpMethod method, string path, object? body = null, IDictionary<string, string>? headers = null,
        CancellationToken cancellationToken = default)
    {
        var cookie = await SessionAsync(email, cancellationToken);
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("X-Switchboard-Csrf", csrfTokens[email]);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await SendAsync(request, [], cancellationToken);
    }

    /// <summary>A post to a public endpoint (/api/public/…) as a reader of the public site would send it: no credential.</summary>
    public async Task PublicAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(path, body, cancellationToken);
        await EnsureAsync(response, [], cancellationToken);
    }

    /// <summary>Posts one raw message to the inbound webhook, for the given mailbox.</summary>
    public async Task PostMailAsync(byte[] raw, string mailbox, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var url = $"/api/inbound/mime?key={Uri.EscapeDataString(webhookSecret)}&to={Uri.EscapeDataString(mailbox)}";
        using var response = await client.PostAsync(url, content, cancellationToken);
        await EnsureAsync(response, [], cancellationToken);
    }

    /// <summary>The conversation (GET) and its ETag.</summary>
    public async Task<(JsonElement Conversation, string ETag)> ConversationAsync(string id, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bootstrapKey);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await EnsureAsync(response, [], cancellationToken);
        return (body, response.Headers.ETag?.ToString() ?? "");
    }

    private Task<string> SessionAsync(string email, CancellationToken cancellationToken)
    {
        lock (cookies)
        {
            if (!cookies.TryGetValue(email, out var session))
            {
                cookies[email] = session = SignInAsync(email, cancellationToken);
            }
            return session;
        }
    }

    private async Task<string> SignInAsync(string email, CancellationToken cancellationToken)
    {
        var before = (await MailIdsAsync(cancellationToken)).ToHashSet();
        using (var asked = await client.PostAsJsonAsync("/api/auth/magic-links", new { email }, cancellationToken))
        {
            await EnsureAsync(asked, [], cancellationToken);
        }
        var token = await LinkTokenAsync(email, before, cancellationToken);
        using var followed = await client.GetAsync($"/api/auth/magic-links/{token}", cancellationToken);
        var cookie = followed.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith("sb-session=", StringComparison.Ordinal) && v.Length > 11)
            : null;
        if (cookie is null)
        {
            throw new InvalidOperationException($"Signing in {email} set no session cookie ({followed.Headers.Location}).");
        }
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Add("Cookie", cookie);
        var (_, body) = await SendAsync(me, [], cancellationToken);
        lock (cookies)
        {
            csrfTokens[email] = body.GetProperty("csrfToken").GetString()!;
        }
        return cookie;
    }

    private async Task<string> LinkTokenAsync(string email, HashSet<string> before, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var (_, list) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/dev/mail"), [], cancellationToken);
            foreach (var mail in list.GetProperty("items").EnumerateArray())
            {
                var id = mail.GetProperty("id").GetString()!;
                if (before.Contains(id) || !mail.GetProperty("to").GetString()!.Contains(email, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var (_, message) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/dev/mail/{id}"), [], cancellationToken);
                if (LinkToken().Match(message.GetProperty("text").GetString() ?? "") is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new InvalidOperationException($"No sign-in link for {email} arrived in the mail sink.");
    }

    private async Task<IEnumerable<string>> MailIdsAsync(CancellationToken cancellationToken)
    {
        var (_, list) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/dev/mail"), [], cancellationToken);
        return list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!);
    }

    private async Task<(HttpStatusCode, JsonElement)> SendAsync(HttpRequestMessage request, HttpStatusCode[] allowed, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await client.SendAsync(request, cancellationToken))
        {
            return (response.StatusCode, await EnsureAsync(response, allowed, cancellationToken));
        }
    }

    private static async Task<JsonElement> EnsureAsync(HttpResponseMessage response, HttpStatusCode[] allowed, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode && !allowed.Contains(response.StatusCode))
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex(@"/api/auth/magic-links/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkToken();
}
