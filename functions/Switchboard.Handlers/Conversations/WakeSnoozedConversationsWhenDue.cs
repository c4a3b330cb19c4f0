using Switchboard.Core;
using Switchboard.Storage;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// Queue <c>conversation-wakeups</c>: when a snooze is due, wakes every conversation that is due
/// (<see cref="WakeSnoozedConversations"/>: a stale or repeated wake-up changes nothing). A message that surfaces early
/// (a snooze past 7 days, or clock skew) waits again for the time left.
/// </summary>
public sealed class WakeSnoozedConversationsWhenDue(WakeSnoozedConversations wake, SnoozeAlarm alarm, TimeProvider time)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var due = QueueMessages.Read<WakeupDue>(message, QueueNames.ConversationWakeups, JsonDefaults.Options,
            d => string.IsNullOrEmpty(d.ConversationId) ? "conversationId" : d.WakeAt == default ? "wakeAt" : null);
        if (due.WakeAt > time.GetUtcNow())
        {
            await alarm.QueueAsync(due, cancellationToken);
            return;
        }
        await wake.RunAsync(cancellationToken);
    }
}
