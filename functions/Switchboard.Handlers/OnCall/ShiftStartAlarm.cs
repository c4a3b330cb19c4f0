using NodaTime;
using Switchboard.Core;
using Switchboard.Core.OnCall;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.OnCall;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// Keeps one message waiting on <c>shift-starts</c> for the next moment anyone comes on call in any schedule, so that
/// shift-start notices go out on time without a timer waking the app every minute. Armed after every notice run and
/// every schedule or override change; the claim per start time means one message however often it is armed. Starts
/// more than 7 days away (the longest a queue message can hide) get a message at 7 days that looks again.
/// </summary>
public sealed class ShiftStartAlarm(ScheduleStore schedules, ShiftNoticeStore claims, WorkQueue queue, TimeProvider time)
{
    public async Task ArmAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var next = await NextStartAsync(now, cancellationToken);
        if (next is not { } at || !await claims.TryClaimAlarmAsync(at, now, cancellationToken))
        {
            return;
        }
        await queue.SendAsync(QueueNames.ShiftStarts, new ShiftStartDue(at), WorkQueue.DelayUntil(at, now), cancellationToken);
    }

    /// <summary>Queues <paramref name="due"/> again when it came early (clock skew), for the time that is left.</summary>
    public Task WaitLongerAsync(ShiftStartDue due, CancellationToken cancellationToken = default) =>
        queue.SendAsync(QueueNames.ShiftStarts, due, WorkQueue.DelayUntil(due.At, time.GetUtcNow()), cancellationToken);

    private async Task<DateTimeOffset?> NextStartAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = Instant.FromDateTimeOffset(now);
        var horizon = Instant.FromDateTimeOffset(now + WorkQueue.MaxDelay);
        var stored = await schedules.ListWithOverridesAsync(cancellationToken);
        if (stored.Count == 0)
        {
            return null;
        }
        var starts = stored.Where(s => s.Schedule.Validate().Count == 0)
            .SelectMany(s => new OnCallCalculator(s.Schedule).SegmentsOverlapping(from, horizon))
            .Select(shift => shift.Start).Where(start => start > from).ToList();
        return starts.Count > 0 ? starts.Min().ToDateTimeOffset() : horizon.ToDateTimeOffset();
    }
}

/// <summary>Queue <c>shift-starts</c>: someone comes on call at <paramref name="At"/>.</summary>
public sealed record ShiftStartDue(DateTimeOffset At);
