using System.Globalization;
using NodaTime;
using Switchboard.Core.OnCall;
using Switchboard.Handlers.OnCall;
using Switchboard.Core.Inbound;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// At each shift start (a message on <c>shift-starts</c>, see <see cref="ShiftStartAlarm"/>) and hourly as a sweep that
/// re-arms a lost alarm: tells each person whose shift started within the last <see cref="EscalationOptions.ShiftStartGrace"/>
/// that they are on call now (email, and their page webhook if set). A shift start is any moment someone comes on call
/// in a schedule: a hand-off, an override beginning, the end of a gap. Each (schedule, person, start) is claimed
/// insert-only before the notice goes out, so overlapping or repeated runs notify once; starts older than the grace
/// (after an outage) are never notified.
/// </summary>
public sealed class NotifyShiftStarts(
    ScheduleStore schedules, ShiftNoticeStore claims, PageSender sender, Mailboxes mailboxes, ShiftStartAlarm alarm,
    IOptions<EscalationOptions> options, TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var from = Instant.FromDateTimeOffset(now - options.Value.ShiftStartGrace);
        var to = Instant.FromDateTimeOffset(now);
        foreach (var stored in await schedules.ListWithOverridesAsync(cancellationToken))
        {
            var schedule = stored.Schedule;
            if (schedule.Validate().Count > 0)
            {
                continue;
            }
            var calculator = new OnCallCalculator(schedule);
            foreach (var shift in calculator.SegmentsOverlapping(from, to + Duration.FromSeconds(1)))
            {
                if (shift.Start <= from || shift.Start > to)
                {
                    continue;
                }
                var start = shift.Start.ToDateTimeOffset();
                if (await claims.TryClaimAsync(schedule.Id, shift.AgentId, start, now, cancellationToken))
                {
                    var zone = DateTimeZoneProviders.Tzdb[schedule.TimeZoneId];
                    var until = shift.End.InZone(zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
                    await sender.SendNoticeAsync(shift.AgentId, mailboxes.All[0], $"[On call] Your shift on {schedule.Name} has started",
                        $"You are on call for {schedule.Name} from now until {until} ({schedule.TimeZoneId}).", cancellationToken);
                }
            }
        }
        await alarm.ArmAsync(cancellationToken);
    }
}
