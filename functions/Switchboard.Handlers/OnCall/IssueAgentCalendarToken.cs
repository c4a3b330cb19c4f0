using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>POST /api/oncall/agents/{agentId}/calendar-token</c>: a new secret feed URL of the agent's shifts in every schedule,
/// shown once; the previous one stops working. The agent themselves or an admin.
/// </summary>
public sealed class IssueAgentCalendarToken(AgentAuthenticator auth, CalendarTokens tokens)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string agentId, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (!agent.IsAdmin && agent.Id != agentId)
        {
            return Problems.Forbidden("Agents issue their own calendar feed; admins anyone's.");
        }
        if (!OnCallRequests.IsAgentId(agentId))
        {
            return Problems.NotFound($"There is no agent '{agentId}'.");
        }
        return Results.Json(await tokens.IssueAsync(request, CalendarFeedKind.Agent, agentId, cancellationToken), OnCallJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
