using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Handlers.Mail;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// The session cookie: <c>{agentId}.{sessionId}.{expires}.{HMAC-SHA256}</c>, keyed by a key derived from
/// <c>Auth:SigningKey</c>. HMAC rather than ASP.NET Data Protection: the Functions app and the local host (and every
/// scaled-out instance) verify it with the one setting they already share, with no key ring to store and rotate.
/// The signature only saves a storage read for forged cookies; the <c>Sessions</c> row decides whether it still counts.
/// </summary>
public sealed class SessionCookies
{
    /// <summary>
    /// Absolute, not sliding: a shift fits in it, a stolen cookie is worth at most this long, and no request has to
    /// write to storage to extend it.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public const string SecureName = "__Host-sb-session";
    public const string LocalName = "sb-session";
    public const string CsrfHeader = "X-Switchboard-Csrf";

    private readonly byte[] cookieKey;
    private readonly byte[] csrfKey;

    public SessionCookies(IOptions<AuthOptions> options)
    {
        var master = options.Value.DecodedSigningKey()!; // validated at start-up
        cookieKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: Encoding.ASCII.GetBytes("switchboard/session-cookie/v1"));
        csrfKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: Encoding.ASCII.GetBytes("switchboard/anti-forgery/v1"));
    }

    public void Issue(HttpRequest request, string agentId, string sessionId, DateTimeOffset expires)
    {
        var payload = $"{agentId}.{sessionId}.{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        var secure = IsSecure(request);
        request.HttpContext.Response.Cookies.Append(secure ? SecureName : LocalName, $"{payload}.{Sign(cookieKey, payload)}", new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
    }

    /// <summary><paramref name="result"/>, also deleting the session cookie when it is sent (so a handler needs no response).</summary>
    public static IResult Clearing(IResult result) => new CookieClearingResult(result);

    private static void Clear(HttpRequest request)
    {
        var secure = IsSecure(request);
        request.HttpContext.Response.Cookies.Delete(secure ? SecureName : LocalName, new CookieOptions { Path = "/", Secure = secure, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    /// <summary>Deletes the cookie as it is written, since whether it was <c>__Host-</c> depends on the request. Status stays readable for tests.</summary>
    private sealed class CookieClearingResult(IResult inner) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            Clear(httpContext.Request);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>The agent and session a correctly signed, unexpired cookie names; null for anything else.</summary>
    public (string AgentId, string SessionId, DateTimeOffset Expires)? Read(HttpRequest request, DateTimeOffset now)
    {
        var value = request.Cookies[SecureName] ?? request.Cookies[LocalName];
        var parts = value?.Split('.');
        if (parts is not [var agentId, var sessionId, var expires, var signature]
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || !FixedTimeEquals(Sign(cookieKey, $"{agentId}.{sessionId}.{expires}"), signature))
        {
            return null;
        }
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(unix);
        return expiresAt > now ? (agentId, sessionId, expiresAt) : null;
    }

    /// <summary>The anti-forgery token of a session, given to the web app by <c>GET /api/auth/me</c>.</summary>
    public string CsrfToken(string sessionId) => Sign(csrfKey, sessionId);

    public bool HasValidCsrfHeader(HttpRequest request, string sessionId) =>
        request.Headers[CsrfHeader].FirstOrDefault() is { Length: > 0 } provided && FixedTimeEquals(CsrfToken(sessionId), provided);

    /// <summary>Secure everywhere but plain http to a loopback host name, where browsers would drop a Secure cookie.</summary>
    public static bool IsSecure(HttpRequest request) =>
        !(request.Scheme == "http" && DevMailAccess.IsLoopbackHost(request.Host.Host));

    private static string Sign(byte[] key, string payload) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));

    private static bool FixedTimeEquals(string expected, string provided) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(provided));
}
