using Switchboard.Core.OnCall;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>GET /api/oncall/now</c>: for every schedule, who is on call now, until when, and who is next (the header badge).</summary>
public sealed class GetOnCallNow(ScheduleStore schedules, TimeProvider time)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var entries = (await schedules.ListWithOverridesAsync(cancellationToken))
            .Select(s => s.Schedule)
            .Where(s => s.Validate().Count == 0) // stored schedules are checked on write; never let one bad row fail the badge
            .Select(s => Entry(s, new OnCallCalculator(s).At(now)))
            .OrderBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return Results.Json(new OnCallNow(now, entries), OnCallJson.Options);
    }

    private static OnCallNowEntry Entry(OnCallSchedule schedule, OnCallStatus status) => new(
        schedule.Id, schedule.Name, schedule.TimeZoneId, status.AgentId,
        status.Since?.ToDateTimeOffset(), status.Until?.ToDateTimeOffset(),
        status.Next is { } next ? new HandOffView(next.AgentId, next.At.ToDateTimeOffset()) : null);
}
