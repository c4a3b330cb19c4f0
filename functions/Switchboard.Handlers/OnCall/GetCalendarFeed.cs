using NodaTime;
using Switchboard.Core.OnCall;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>GET /api/oncall/calendars/{token}.ics</c>: an iCalendar feed for calendar apps, which cannot send a header — the
/// token in the URL is the secret. Unknown, malformed and revoked tokens are all the same 404.
/// </summary>
public sealed class GetCalendarFeed(CalendarTokens tokens, ScheduleStore schedules, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var owner = await tokens.ResolveAsync(token, cancellationToken);
        string? feed = owner switch
        {
            (CalendarFeedKind.Schedule, var id) => await schedules.GetAsync(id, cancellationToken) is { } stored
                ? OnCallCalendar.ForSchedule(stored.Schedule, now)
                : null,
            (CalendarFeedKind.Agent, var agentId) => OnCallCalendar.ForAgent(agentId,
                (await schedules.ListWithOverridesAsync(cancellationToken)).Select(s => s.Schedule).Where(s => s.Validate().Count == 0), now),
            _ => null,
        };
        if (feed is null)
        {
            return Problems.NotFound("There is no calendar at this address; it may have been revoked. Ask for a new link.");
        }
        request.HttpContext.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Text(feed, OnCallCalendar.ContentType);
    }
}
