using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>POST /api/oncall/schedules/{id}/calendar-token</c>: a new secret feed URL for the schedule, shown once; the previous
/// one stops working, so every teammate subscribed to it loses the feed: admins only (403 for others). An agent who wants
/// their own shifts in a calendar issues their personal feed instead.
/// </summary>
public sealed class IssueScheduleCalendarToken(ScheduleStore schedules, CalendarTokens tokens)
{
    /// <param name="feedBase">Where the feed URL points (<see cref="CalendarTokens.FeedBase"/>).</param>
    public async Task<IResult> HandleAsync(string id, string feedBase, CancellationToken cancellationToken = default)
    {
        if (await schedules.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        return Results.Json(await tokens.IssueAsync(feedBase, CalendarFeedKind.Schedule, id, cancellationToken), OnCallJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
