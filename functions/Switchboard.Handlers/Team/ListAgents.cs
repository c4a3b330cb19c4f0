using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Team;

/// <summary><c>GET /api/agents</c>: the whole team (one partition query), by name. Admins only.</summary>
public sealed class ListAgents(AgentAuthenticator auth, AgentStore agents)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (admin, rejection) = await auth.AuthenticateAdminAsync(request, cancellationToken);
        if (admin is null)
        {
            return rejection!;
        }
        var (team, _) = await agents.ListAsync(cancellationToken);
        return Results.Ok(new AgentList(team.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(AgentView.Of).ToList()));
    }
}
