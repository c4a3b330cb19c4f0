using Switchboard.Storage.Auth;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.Team;

/// <summary>
/// Everything that lets a disabled agent back in stops working: their sign-in sessions, the API keys they created
/// (an admin's scripts run as that admin's decision, which no longer stands) and their personal calendar feed (it
/// shows the team's rota to whoever holds the URL). Re-enabling brings none of them back: the agent signs in again and
/// issues new ones.
/// </summary>
public sealed class AgentAccessRevoker(SessionStore sessions, ApiKeyStore apiKeys, CalendarTokenStore calendarTokens)
{
    public async Task RevokeAllAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await sessions.DeleteAllAsync(agentId, cancellationToken);
        await apiKeys.DeleteCreatedByAsync(agentId, cancellationToken);
        await calendarTokens.RevokeAsync(CalendarFeedKind.Agent, agentId, cancellationToken);
    }
}
