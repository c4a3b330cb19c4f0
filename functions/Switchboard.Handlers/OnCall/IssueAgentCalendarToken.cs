using Switchboard.Handlers.Auth;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>POST /api/oncall/agents/{agentId}/calendar-token</c>: a new secret feed URL of the agent's shifts in every schedule,
/// shown once; the previous one stops working. The agent themselves or an admin.
/// </summary>
public sealed class IssueAgentCalendarToken(CalendarTokens tokens)
{
    /// <param name="feedBase">Where the feed URL points (<see cref="CalendarTokens.FeedBase"/>).</param>
    public async Task<IResult> HandleAsync(Agent agent, string agentId, string feedBase, CancellationToken cancellationToken = default)
    {
        // Whose feed it is decides who may (the agent or an admin), so this check is the feature's, before the id's.
        if (!agent.IsAdmin && agent.Id != agentId)
        {
            return Problems.Forbidden("Agents issue their own calendar feed; admins anyone's.");
        }
        if (!OnCallRequests.IsAgentId(agentId))
        {
            return Problems.NotFound($"There is no agent '{agentId}'.");
        }
        return Results.Json(await tokens.IssueAsync(feedBase, CalendarFeedKind.Agent, agentId, cancellationToken), OnCallJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
