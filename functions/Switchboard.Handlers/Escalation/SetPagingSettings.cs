using Switchboard.Handlers.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// <c>PUT /api/oncall/agents/{agentId}/paging</c> <c>{webhookUrl}</c>: where the agent's pages are also posted
/// (Slack/Teams incoming webhook; null clears it). The agent themselves or an admin.
/// </summary>
public sealed class SetPagingSettings(AgentStore agents, IOptions<EscalationOptions> options)
{
    public async Task<IResult> HandleAsync(Agent agent, string agentId, PagingSettingsBody body, CancellationToken cancellationToken = default)
    {
        // Whose settings they are decides who may (the agent or an admin): the feature's check, not a role's.
        if (!agent.IsAdmin && agent.Id != agentId)
        {
            return Problems.Forbidden("Agents set their own paging settings; admins anyone's.");
        }
        var url = body.WebhookUrl is { Length: > 0 } u ? u.Trim() : null;
        if (url is not null && WebhookUrlPolicy.Problem(url, options.Value.AllowLocalWebhooks) is { } urlProblem)
        {
            return Problems.BadRequest(urlProblem, "webhookUrl");
        }
        if (agentId.Length > 200 || agentId.Any(ch => char.IsControl(ch) || ch is '/' or '\\' or '#' or '?')
            || await agents.GetAsync(agentId, cancellationToken) is null || !await agents.SetPageWebhookAsync(agentId, url, cancellationToken))
        {
            return Problems.NotFound($"There is no agent '{agentId}'.");
        }
        return Results.Ok(new PagingSettingsView(agentId, url));
    }
}
