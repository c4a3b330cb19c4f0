using Switchboard.Handlers.Auth;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>DELETE /api/oncall/agents/{agentId}/calendar-token</c>: the agent's feed URL stops working. 204; 404 when there was none.</summary>
public sealed class RevokeAgentCalendarToken(CalendarTokenStore tokens)
{
    public async Task<IResult> HandleAsync(Agent agent, string agentId, CancellationToken cancellationToken = default)
    {
        // Whose feed it is decides who may (the agent or an admin), so this check is the feature's, before the id's.
        if (!agent.IsAdmin && agent.Id != agentId)
        {
            return Problems.Forbidden("Agents revoke their own calendar feed; admins anyone's.");
        }
        return OnCallRequests.IsAgentId(agentId) && await tokens.RevokeAsync(CalendarFeedKind.Agent, agentId, cancellationToken)
            ? Results.NoContent()
            : Problems.NotFound($"Agent '{agentId}' has no calendar feed.");
    }
}
