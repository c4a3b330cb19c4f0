using System.Security.Cryptography;
using Switchboard.Core.Team;
using Switchboard.Storage.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// <c>GET /api/auth/magic-links/{token}</c>: the emailed link. A valid, unused, unexpired link is marked used (ETag:
/// of two clicks at once, one wins), activates an invited agent, opens a session (a <c>Sessions</c> row and the
/// signed cookie) and redirects to the app. Anything else redirects to <c>/sign-in?error=…</c>
/// (invalid, expired, used, disabled), which the app explains.
/// </summary>
public sealed class ConsumeMagicLink(SignInLinkStore links, AgentStore agents, SessionStore sessions, SessionCookies cookies, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken = default)
    {
        // The token is in this URL: keep it out of caches and out of the Referer of whatever comes next.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";

        var link = SignInLinks.IsWellFormed(token) ? await links.GetAsync(SignInLinks.Hash(token), cancellationToken) : null;
        var now = time.GetUtcNow();
        if (link is null)
        {
            return Failed("invalid");
        }
        if (link.UsedAt is not null)
        {
            return Failed("used");
        }
        if (link.ExpiresAt <= now)
        {
            return Failed("expired");
        }
        var agent = await agents.GetAsync(link.AgentId, cancellationToken);
        if (agent is null || agent.Status == AgentStatuses.Disabled)
        {
            return Failed("disabled");
        }
        if (!await links.TryConsumeAsync(link, now, cancellationToken))
        {
            return Failed("used");
        }
        if (agent.Status == AgentStatuses.Invited)
        {
            await ActivateAsync(agent, now, cancellationToken);
        }

        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = now + SessionCookies.Lifetime;
        await sessions.AddAsync(new SessionEntity { PartitionKey = agent.Id, RowKey = sessionId, CreatedAt = now, ExpiresAt = expires }, now, cancellationToken);
        cookies.Issue(request, agent.Id, sessionId, expires);
        return Results.Redirect("/");
    }

    /// <summary>Invited becomes active; if an admin changed the agent meanwhile, their change stands.</summary>
    private async Task ActivateAsync(AgentEntity agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3 && agent is { Status: AgentStatuses.Invited }; attempt++)
        {
            var (_, roster) = await agents.ListAsync(cancellationToken);
            agent.Status = AgentStatuses.Active;
            agent.ActivatedAt = now;
            if (await agents.TryUpdateAsync(agent, roster, cancellationToken))
            {
                return;
            }
            agent = (await agents.GetAsync(agent.Id, cancellationToken))!;
        }
    }

    private static IResult Failed(string reason) => Results.Redirect($"/sign-in?error={reason}");
}
