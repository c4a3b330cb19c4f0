using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Team;

namespace Switchboard.Functions.Team;

public sealed class TeamFunctions(ListAgents listAgents, InviteAgent inviteAgent, UpdateAgent updateAgent)
{
    [Function(nameof(ListAgents))]
    public Task<IResult> ListAgents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "agents")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listAgents.HandleAsync(request, cancellationToken);

    [Function(nameof(InviteAgent))]
    public Task<IResult> InviteAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agents/invitations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        inviteAgent.HandleAsync(request, cancellationToken);

    [Function(nameof(UpdateAgent))]
    public Task<IResult> UpdateAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "agents/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        updateAgent.HandleAsync(request, id, cancellationToken);
}
