using Switchboard.Handlers.Replies;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// The input of <c>POST /api/drafts/{id}/approve</c>: the conversation's version the approver saw (If-Match, as for a
/// reply) and the optional edits; no body at all approves the draft as it is.
/// </summary>
public sealed record ApproveDraftInput(int Version, ApproveDraftRequest Body) : IRequestInput<ApproveDraftInput>
{
    public static async ValueTask<(ApproveDraftInput? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (seen, badIfMatch) = VersionTags.ReadIfMatch(request, ReplyInput.IfMatchRequired);
        if (seen is not { } version)
        {
            return (null, badIfMatch);
        }
        if (request.ContentLength is not > 0 && request.ContentType is null)
        {
            return (new ApproveDraftInput(version, new ApproveDraftRequest(null, null, null, null, null)), null);
        }
        var (body, bad) = await JsonBody.ReadAsync<ApproveDraftRequest>(request, cancellationToken);
        return body is null ? (null, bad) : (new ApproveDraftInput(version, body), null);
    }
}

/// <summary>The query of <c>GET /api/drafts</c>: <c>state</c>, <c>mine</c> and <c>limit</c>, each a 400 naming it when malformed.</summary>
public sealed record DraftQuery(string? State, bool Mine, int Limit) : IRequestInput<DraftQuery>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 200;

    public static ValueTask<(DraftQuery? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Bind(request.Query));

    private static (DraftQuery?, IResult?) Bind(IQueryCollection query)
    {
        var state = query["state"].FirstOrDefault() is { Length: > 0 } s ? s : null;
        if (state is not null && !DraftStates.Listable.Contains(state))
        {
            return (null, Problems.BadRequest("state must be submitted, returned or approved.", "state"));
        }
        var mine = false;
        if (query["mine"].FirstOrDefault() is { Length: > 0 } mineText && !bool.TryParse(mineText, out mine))
        {
            return (null, Problems.BadRequest("mine must be true or false.", "mine"));
        }
        var (limit, badLimit) = PagingQuery.Limit(query, DefaultLimit, MaxLimit);
        return badLimit is not null ? (null, badLimit) : (new DraftQuery(state, mine, limit), null);
    }
}
