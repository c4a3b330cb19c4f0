using Switchboard.Core;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// Sets a snoozed conversation's wake-up twice over: the <c>Wakeups</c> row the hourly sweep reads, and a message on
/// <c>conversation-wakeups</c> hidden until the wake-up is due, so the conversation wakes on time without a timer waking
/// the app every minute. A snooze longer than 7 days (the longest a message can hide) is re-queued when it surfaces.
/// </summary>
public sealed class SnoozeAlarm(WakeupStore wakeups, WorkQueue queue, TimeProvider time)
{
    public async Task SetAsync(string conversationId, DateTimeOffset wakeAt, CancellationToken cancellationToken = default)
    {
        await wakeups.AddAsync(wakeAt, conversationId, cancellationToken);
        await QueueAsync(new WakeupDue(conversationId, wakeAt), cancellationToken);
    }

    /// <summary>Queues <paramref name="due"/> (again) for the time left until it is due, at least a second.</summary>
    public Task QueueAsync(WakeupDue due, CancellationToken cancellationToken = default) =>
        queue.SendAsync(QueueNames.ConversationWakeups, due, WorkQueue.DelayUntil(due.WakeAt, time.GetUtcNow()), cancellationToken);
}

/// <summary>Queue <c>conversation-wakeups</c>: <paramref name="ConversationId"/> was snoozed until <paramref name="WakeAt"/>.</summary>
public sealed record WakeupDue(string ConversationId, DateTimeOffset WakeAt);
