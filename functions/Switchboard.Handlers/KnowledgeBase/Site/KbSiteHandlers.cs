using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase.Site;

/// <summary>
/// Where publishing stands: whether every change is on the site, and the last publish. <c>LastError</c> is set while
/// publishing fails (the queue retries it), and cleared by the next publish that succeeds.
/// </summary>
public sealed record KbSiteStatus(
    long RequestedGeneration, long PublishedGeneration, bool UpToDate, DateTimeOffset? ScheduledFor, int Publishes,
    DateTimeOffset? LastPublishedAt, string? ReleaseId, string? LastError, DateTimeOffset? LastFailedAt)
{
    public static KbSiteStatus Of(KbSiteStateEntity s) =>
        new(s.Requested, s.Published, s.Published >= s.Requested, s.ScheduledFor, s.Publishes, s.LastPublishedAt, s.LastReleaseId,
            s.LastError, s.LastFailedAt);
}

/// <summary><c>GET /api/kb/site</c>.</summary>
public sealed class GetKbSite(KbSiteStateStore state)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default) =>
        Results.Ok(KbSiteStatus.Of(await state.GetAsync(cancellationToken)));
}

/// <summary><c>POST /api/kb/site/publish</c>: publish the whole site again (after a settings change, or on demo start).</summary>
public sealed class RequestKbPublish(KbPublishRequests requests, KbSiteStateStore state)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        await requests.RequestAsync(cancellationToken);
        return Results.Json(KbSiteStatus.Of(await state.GetAsync(cancellationToken)), statusCode: StatusCodes.Status202Accepted);
    }
}
