using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Team;

/// <summary><c>GET /api/agents</c>: the whole team (one partition query), by name. Admins only.</summary>
public sealed class ListAgents(AgentStore agents)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var (team, _) = await agents.ListAsync(cancellationToken);
        return Results.Ok(new AgentList(team.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(AgentView.Of).ToList()));
    }
}
