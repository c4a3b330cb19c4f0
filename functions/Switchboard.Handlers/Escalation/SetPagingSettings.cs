using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// <c>PUT /api/oncall/agents/{agentId}/paging</c> <c>{webhookUrl}</c>: where the agent's pages are also posted
/// (Slack/Teams incoming webhook; null clears it). The agent themselves or an admin.
/// </summary>
public sealed class SetPagingSettings(AgentAuthenticator auth, AgentStore agents, IOptions<EscalationOptions> options)
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
            return Problems.Forbidden("Agents set their own paging settings; admins anyone's.");
        }
        var (body, problem) = await JsonBody.ReadAsync<PagingSettingsBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var url = body!.WebhookUrl is { Length: > 0 } u ? u.Trim() : null;
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
