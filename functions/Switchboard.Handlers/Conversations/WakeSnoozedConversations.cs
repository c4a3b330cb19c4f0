using Microsoft.Extensions.Logging;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Events;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// Opens the snoozed conversations whose time has come: on time from a snooze's delayed message
/// (<see cref="WakeSnoozedConversationsWhenDue"/>), and hourly as a sweep. The due wake-ups are one range query of
/// <c>Wakeups</c>; a wake-up whose conversation was meanwhile un-snoozed, re-snoozed or woken by the customer is stale
/// and only deleted. Waking publishes <see cref="DomainEventTypes.ConversationWoke"/>.
/// </summary>
public sealed partial class WakeSnoozedConversations(
    WakeupStore wakeups, ConversationUpdater updater, EventQueue events, TimeProvider time, ILogger<WakeSnoozedConversations> logger)
{
    private const int BatchSize = 100;

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<WakeupEntity> due;
        do
        {
            due = await wakeups.DueAsync(now, BatchSize, cancellationToken);
            foreach (var wakeup in due)
            {
                await WakeAsync(wakeup, now, cancellationToken);
                await wakeups.RemoveAsync(wakeup.RowKey, cancellationToken);
            }
        }
        while (due.Count == BatchSize);
    }

    private async Task WakeAsync(WakeupEntity wakeup, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var update = await updater.UpdateAsync(wakeup.ConversationId,
            conversation => conversation.Wake(wakeup.WakeAt) ? ConversationEdit.HeadOnly : ConversationEdit.Decline, cancellationToken);
        if (update is not { Outcome: ConversationWriteOutcome.Written, Conversation: var woken })
        {
            return;
        }
        LogWoke(wakeup.ConversationId, wakeup.WakeAt);
        await events.PublishAsync(new DomainEvent(
            Id: $"{wakeup.ConversationId}-woke-{wakeup.WakeAt.UtcTicks}",
            Type: DomainEventTypes.ConversationWoke,
            OccurredAt: now,
            ConversationId: woken.Id,
            MessageId: null,
            Mailbox: woken.Mailbox,
            CustomerEmail: woken.CustomerEmail,
            Automatic: false,
            Flags: []), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} woke up (snoozed until {WakeAt}).")]
    private partial void LogWoke(string conversationId, DateTimeOffset wakeAt);
}
