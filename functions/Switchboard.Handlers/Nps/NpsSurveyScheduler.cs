using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Nps;

/// <summary>Queue <c>nps-surveys</c>: the survey of the close at <paramref name="ClosedAt"/> is due at <paramref name="DueAt"/>.</summary>
public sealed record NpsSurveyDue(string ConversationId, DateTimeOffset ClosedAt, DateTimeOffset DueAt);

/// <summary>
/// When a conversation of a surveying mailbox closes, queues its survey hidden until N days later (a delayed queue
/// message, no timer). Whether it still goes out is decided then (<see cref="SendNpsSurvey"/>); a redelivered event
/// queues a second message for the same survey, which sends nothing.
/// </summary>
public sealed class NpsSurveyScheduler(ConversationStore conversations, WorkQueue queue, IOptions<NpsOptions> options, TimeProvider time)
{
    public async Task OnEventAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        // Only an agent's status change or a reply that closes can close a conversation.
        if (domainEvent is not { Automatic: false, ConversationId: { } id, Type: DomainEventTypes.StatusChanged or DomainEventTypes.ReplySent }
            || options.Value.Mailboxes.Count == 0)
        {
            return;
        }
        if (await conversations.GetLiveHeadAsync(id, cancellationToken) is not { } head
            || options.Value.For(head.Mailbox) is not { } mailbox
            || head.ToConversation() is not { Status: ConversationStatus.Closed, ClosedAt: { } closedAt })
        {
            return;
        }
        await QueueAsync(new NpsSurveyDue(id, closedAt, closedAt.AddDays(mailbox.DaysAfterClose)), cancellationToken);
    }

    public Task QueueAsync(NpsSurveyDue due, CancellationToken cancellationToken = default) =>
        queue.SendAsync(QueueNames.NpsSurveys, due, WorkQueue.DelayUntil(due.DueAt, time.GetUtcNow()), cancellationToken);
}
