using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Team;

namespace Switchboard.Functions.Team;

public sealed class TeamFunctions(AgentApi api, SignInLinks links, ListAgents listAgents, InviteAgent inviteAgent, UpdateAgent updateAgent)
{
    [Function(nameof(ListAgents))]
    [Api("Team", "The team. Admins only.", typeof(AgentList), Problems = [401, 403])]
    public Task<IResult> ListAgents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/agents")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin, _ => listAgents.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(InviteAgent))]
    [Api("Team", "Adds an invited agent (email, name, role: admin|agent|trainee) and emails them a sign-in link valid 72 hours. Admins only.", typeof(AgentView), Status = 201, Body = typeof(Invitation), Problems = [400, 401, 403, 409])]
    public Task<IResult> InviteAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/agents/invitations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<Invitation>(request, Callers.Admin,
            (admin, body) => inviteAgent.HandleAsync(admin, body, links.BaseUrl(request), cancellationToken), cancellationToken);

    [Function(nameof(UpdateAgent))]
    [Api("Team", "Changes role and/or status (active|disabled); never leaves the team without an active admin (409). Admins only.", typeof(AgentView), Body = typeof(AgentChange), Problems = [400, 401, 403, 404, 409])]
    public Task<IResult> UpdateAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/agents/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<AgentChange>(request, Callers.Admin, (_, body) => updateAgent.HandleAsync(id, body, cancellationToken), cancellationToken);
}
