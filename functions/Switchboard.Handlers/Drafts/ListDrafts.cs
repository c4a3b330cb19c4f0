using Microsoft.AspNetCore.Http;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// <c>GET /api/drafts?state=&amp;mine=&amp;limit=</c>: for agents and admins the approval queue (state submitted, oldest
/// first, one range query of <c>DraftQueue</c>); for trainees, or with <c>mine=true</c>, the caller's own drafts, newest
/// first, optionally of one state (submitted, returned, approved).
/// </summary>
public sealed class ListDrafts(AgentAuthenticator auth, DraftStore drafts, DraftWorkflow workflow)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 200;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var state = request.Query["state"].FirstOrDefault() is { Length: > 0 } s ? s : null;
        if (state is not null && !DraftStates.Listable.Contains(state))
        {
            return Problems.BadRequest("state must be submitted, returned or approved.", "state");
        }
        var mineText = request.Query["mine"].FirstOrDefault();
        var mine = false;
        if (mineText is { Length: > 0 } && !bool.TryParse(mineText, out mine))
        {
            return Problems.BadRequest("mine must be true or false.", "mine");
        }
        var (limit, badLimit) = PagingQuery.Limit(request.Query, DefaultLimit, MaxLimit);
        if (badLimit is not null)
        {
            return badLimit;
        }

        if (mine || agent.Role == AgentRoles.Trainee)
        {
            var me = await workflow.PersonAsync(agent, cancellationToken);
            var own = await drafts.ListByAuthorAsync(me.AgentId, MaxLimit, cancellationToken);
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
