using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// <c>GET /api/auth/me</c>: who is signed in, and for a browser session its anti-forgery token, which the app sends
/// back as <see cref="SessionCookies.CsrfHeader"/> on every change, and a signed-in agent's preferences.
/// </summary>
public sealed class GetCurrentAgent(SessionCookies cookies, AgentStore agents)
{
    /// <remarks>The anti-forgery token must not be cached: every <c>/api</c> answer is <c>no-store</c> (<see cref="Security.SecurityHeaders.ApiCacheControl"/>).</remarks>
    public async Task<IResult> HandleAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        // Preferences belong to agents who sign in; keys have none (null).
        var member = agent.Via == Agent.ViaSession ? await agents.GetAsync(agent.Id, cancellationToken) : null;
        return Results.Ok(new CurrentAgent(
            agent.Id, agent.Email, agent.Name, agent.Role, agent.Via,
            agent.SessionId is { } sessionId ? cookies.CsrfToken(sessionId) : null,
            agent.SessionExpiresAt,
            member?.NotifyNewConversations));
    }
}

public sealed record CurrentAgent(string Id, string? Email, string? Name, string Role, string Via, string? CsrfToken, DateTimeOffset? SessionExpiresAt, bool? NotifyNewConversations);
