namespace Switchboard.Handlers.Security;

/// <summary>
/// The hardening headers of every response of both hosts (web app, API, downloads, acknowledge pages). The local host
/// applies it as ASP.NET Core middleware, the Functions app as worker middleware; both call <see cref="Apply"/>
/// before the request runs, and the headers are added when the response starts, so the exception handler clearing
/// headers cannot lose them. A header the handler set itself wins (e.g. a calendar feed's deliberate Cache-Control).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from our own origin, never inline: an injected <c>&lt;script&gt;</c> or <c>onerror=</c> does not run.
    /// Inline styles are allowed because sanitized mail HTML carries style attributes, and the message frame (srcdoc)
    /// inherits this policy; remote images are allowed here because the message view decides per message, with a
    /// stricter policy of its own, whether a frame may load them (see web/src/agent/conversation/MessageBody.tsx).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; " +
        "font-src 'self' data:; connect-src 'self'; media-src 'none'; object-src 'none'; worker-src 'none'; " +
        "frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The local host's API reference page (Scalar, development only) starts itself with an inline script and reads
    /// the OpenAPI document; it shows no stored data, so its page alone may run inline script.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Paths served with <see cref="ApiReferencePolicy"/>.</summary>
    public static readonly IReadOnlyList<string> ApiReferencePaths = ["/api-reference", "/scalar"];

    /// <summary>
    /// Responses of <c>/api</c> carry conversations, customers and sessions: no browser or proxy cache may keep them.
    /// A route that means to be cached sets its own Cache-Control.
    /// </summary>
    public const string ApiCacheControl = "no-store";

    /// <summary>Adds the headers to the response of <paramref name="context"/> when it starts.</summary>
    public static void Apply(HttpContext context)
    {
        var path = context.Request.Path;
        var policy = ApiReferencePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            ? ApiReferencePolicy
            : ContentSecurityPolicy;
        var api = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", policy);
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            // Sign-in and acknowledge links carry their secret in the URL: never pass it on to another site.
            headers.TryAdd("Referrer-Policy", "no-referrer");
            if (api)
            {
                headers.TryAdd("Cache-Control", ApiCacheControl);
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>ASP.NET Core middleware form, for hosts built on <c>WebApplication</c>.</summary>
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        Apply(context);
        return next(context);
    }
}
