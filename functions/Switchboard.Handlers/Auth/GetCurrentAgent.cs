using Microsoft.AspNetCore.Http;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// <c>GET /api/auth/me</c>: who is signed in, and for a browser session its anti-forgery token, which the app sends
/// back as <see cref="SessionCookies.CsrfHeader"/> on every change.
/// </summary>
public sealed class GetCurrentAgent(AgentAuthenticator auth, SessionCookies cookies)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new CurrentAgent(
            agent.Id, agent.Email, agent.Name, agent.Role, agent.Via,
            agent.SessionId is { } sessionId ? cookies.CsrfToken(sessionId) : null,
            agent.SessionExpiresAt));
    }
}

public sealed record CurrentAgent(string Id, string? Email, string? Name, string Role, string Via, string? CsrfToken, DateTimeOffset? SessionExpiresAt);
