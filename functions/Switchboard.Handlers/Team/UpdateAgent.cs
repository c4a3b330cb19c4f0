using Switchboard.Core.Team;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Team;

/// <summary>
/// <c>PATCH /api/agents/{id}</c> {role?, status? (active|disabled)}. The team always keeps one active admin: a change
/// that would leave none is refused with 409, and two concurrent changes cannot both pass that check (the roster
/// row's ETag, see AgentStore). Disabling revokes the agent's sessions, the API keys they created and their personal
/// calendar feed (<see cref="AgentAccessRevoker"/>). Admins only.
/// </summary>
public sealed class UpdateAgent(AgentStore agents, AgentAccessRevoker access)
{
    public async Task<IResult> HandleAsync(string id, AgentChange body, CancellationToken cancellationToken = default)
    {
        if (body.Role is not null && !AgentRoles.IsKnown(body.Role))
        {
            return Problems.BadRequest($"role must be one of {string.Join(", ", AgentRoles.All)}.", "role");
        }
        if (body.Status is not (null or AgentStatuses.Active or AgentStatuses.Disabled))
        {
            return Problems.BadRequest("status must be active or disabled.", "status");
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (team, roster) = await agents.ListAsync(cancellationToken);
            var agent = team.FirstOrDefault(a => a.Id == id);
            if (agent is null)
            {
                return Problems.NotFound($"There is no agent '{id}'.");
            }
            var wasActiveAdmin = IsActiveAdmin(agent);
            agent.Role = body.Role ?? agent.Role;
            agent.Status = body.Status ?? agent.Status;
            if (wasActiveAdmin && !IsActiveAdmin(agent) && !team.Any(a => a.Id != id && IsActiveAdmin(a)))
            {
                return Problems.Conflict($"{agent.Email} is the last active admin. Make someone else an admin first.");
            }
            if (await agents.TryUpdateAsync(agent, roster, cancellationToken))
            {
                if (agent.Status == AgentStatuses.Disabled)
                {
                    await access.RevokeAllAsync(agent.Id, cancellationToken);
                }
                return Results.Ok(AgentView.Of(agent));
            }
        }
        return Problems.Conflict("The team changed several times while this change was made. Try again.");
    }

    private static bool IsActiveAdmin(AgentEntity agent) => agent.Role == AgentRoles.Admin && agent.Status == AgentStatuses.Active;
}

public sealed record AgentChange(string? Role, string? Status);
