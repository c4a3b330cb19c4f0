using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>DELETE /api/oncall/schedules/{id}/calendar-token</c>: the schedule's feed URL stops working for everyone subscribed.
/// Admins only (403 for others). 204; 404 when it had none.
/// </summary>
public sealed class RevokeScheduleCalendarToken(CalendarTokenStore tokens)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default) =>
        await tokens.RevokeAsync(CalendarFeedKind.Schedule, id, cancellationToken)
            ? Results.NoContent()
            : Problems.NotFound($"Schedule '{id}' has no calendar feed.");
}
