using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// <c>GET /api/drafts?state=&amp;mine=&amp;limit=</c>: for agents and admins the approval queue (state submitted, oldest
/// first, one range query of <c>DraftQueue</c>); for trainees, or with <c>mine=true</c>, the caller's own drafts, newest
/// first, optionally of one state (submitted, returned, approved).
/// </summary>
public sealed class ListDrafts(DraftStore drafts, DraftWorkflow workflow)
{
    public async Task<IResult> HandleAsync(Agent agent, DraftQuery query, CancellationToken cancellationToken = default)
    {
        var (state, mine, limit) = query;

        if (mine || agent.Role == AgentRoles.Trainee)
        {
            var me = await workflow.PersonAsync(agent, cancellationToken);
            var own = await drafts.ListByAuthorAsync(me.AgentId, DraftQuery.MaxLimit, cancellationToken);
            return Results.Ok(new DraftList(own.Where(r => state is null || r.State == state).Take(limit).Select(DraftSummary.Of).ToList()));
        }
        if (state is not (null or DraftStates.Submitted))
        {
            return Problems.BadRequest("The approval queue holds submitted drafts; use mine=true for your own of other states.", "state");
        }
        var queue = await drafts.ListSubmittedAsync(limit, cancellationToken);
        return Results.Ok(new DraftList(queue.Select(DraftSummary.Of).ToList()));
    }
}
