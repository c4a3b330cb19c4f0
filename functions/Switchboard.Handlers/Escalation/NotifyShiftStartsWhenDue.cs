using Switchboard.Core;
using Switchboard.Handlers.OnCall;
using Switchboard.Storage;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// Queue <c>shift-starts</c>: at a shift start, sends the notices that are due (<see cref="NotifyShiftStarts"/>, which
/// claims each notice, so a redelivered message notifies nobody twice) and arms the alarm for the next start.
/// </summary>
public sealed class NotifyShiftStartsWhenDue(NotifyShiftStarts notices, ShiftStartAlarm alarm, TimeProvider time)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var due = QueueMessages.Read<ShiftStartDue>(message, QueueNames.ShiftStarts, JsonDefaults.Options,
            d => d.At == default ? "at" : null);
        if (due.At > time.GetUtcNow())
        {
            await alarm.WaitLongerAsync(due, cancellationToken);
            return;
        }
        await notices.RunAsync(cancellationToken);
    }
}
