using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Core.Replies;
using Switchboard.Handlers.Mail;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Events;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// Queue <c>outbound-email</c>: sends one stored reply and records how it went. Only a row still <c>sending</c> is
/// sent, and only after claiming it (an ETag-guarded write), so a redelivered or duplicated queue message never sends
/// twice. Transient failures re-queue the message with a doubling delay; a permanent one, or the last try, marks the
/// row <c>failed</c> and publishes <c>delivery-failed</c>. Nothing is dropped silently.
/// </summary>
public sealed class DeliverOutboundEmail(
    ConversationStore conversations,
    OutboundMailComposer composer,
    IMailSender sender,
    WorkQueue queue,
    EventQueue events,
    IOptions<MailOptions> mail,
    TimeProvider time,
    ILogger<DeliverOutboundEmail> logger)
{
    private const int MaxStateWrites = 10;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var queued = QueueMessages.Read<OutboundEmailQueued>(message, QueueNames.OutboundEmail, JsonDefaults.Options,
            q => q.ConversationId is null ? "conversationId" : q.MessageId is null ? "messageId" : null);
        var (head, thread) = await conversations.GetAsync(queued.ConversationId, cancellationToken);
        var reply = thread.FirstOrDefault(m => m.RowKey == queued.MessageId);
        if (head is null || reply is null)
        {
            logger.LogWarning("Outbound message {MessageId} of {ConversationId} does not exist; nothing to send.", queued.MessageId, queued.ConversationId);
            return;
        }
        if (reply.DeliveryState != DeliveryStates.Sending)
        {
            logger.LogInformation("Outbound message {MessageId} is already {State}; not sending again.", reply.RowKey, reply.DeliveryState);
            return;
        }
        reply.DeliveryDetail = $"Sending (try {queued.Attempt}).";
        if (!await conversations.TryReplaceMessageAsync(reply, cancellationToken))
        {
            logger.LogInformation("Outbound message {MessageId} was claimed by another delivery.", reply.RowKey);
            return;
        }

        MailSendResult result;
        try
        {
            result = await sender.SendAsync(await composer.ComposeAsync(head, thread, reply, cancellationToken), cancellationToken);
        }
        catch (MailSendFailedException e) when (e.Transient && queued.Attempt < mail.Value.MaxDeliveryAttempts)
        {
            var delay = RetryDelay(queued.Attempt);
            logger.LogWarning("Sending {MessageId} failed (try {Attempt}), retrying in {Delay}: {Detail}", reply.RowKey, queued.Attempt, delay, e.Message);
            await queue.SendAsync(QueueNames.OutboundEmail, queued with { Attempt = queued.Attempt + 1 }, delay, cancellationToken);
            await RecordAsync(reply, DeliveryStates.Sending, $"Try {queued.Attempt} failed ({e.Message}); trying again at {time.GetUtcNow() + delay:u}.", null, cancellationToken);
            return;
        }
        catch (MailSendFailedException e)
        {
            logger.LogError("Sending {MessageId} failed for good after {Attempt} tries: {Detail}", reply.RowKey, queued.Attempt, e.Message);
            var detail = e.Transient ? $"Gave up after {queued.Attempt} tries: {e.Message}" : e.Message;
            if (await RecordAsync(reply, DeliveryStates.Failed, detail, null, cancellationToken))
            {
                await events.PublishAsync(new DomainEvent(
                    $"{reply.RowKey}-failed-{queued.Attempt}", DomainEventTypes.DeliveryFailed, time.GetUtcNow(), head.PartitionKey, reply.RowKey,
                    head.Mailbox, head.CustomerEmail, Automatic: false, Flags: [DeliveryStates.Failed]), cancellationToken);
            }
            return;
        }
        await RecordAsync(reply, DeliveryStates.Sent, mail.Value.UsesSink ? "Kept by the mail sink (not sent)." : "Accepted by SendGrid.",
            result.ProviderMessageId, cancellationToken);
    }

    public TimeSpan RetryDelay(int attempt)
    {
        var delay = mail.Value.DeliveryRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    /// <summary>
    /// Moves the row from <c>sending</c> to <paramref name="state"/>, re-reading on conflicts; a row that moved on
    /// meanwhile (an Event Webhook post said delivered first) keeps its state and only learns the provider id.
    /// Returns whether the state was written.
    /// </summary>
    private async Task<bool> RecordAsync(MessageEntity reply, string state, string detail, string? providerMessageId, CancellationToken cancellationToken)
    {
        var row = reply;
        for (var i = 0; i < MaxStateWrites; i++)
        {
            var changes = row.DeliveryState == DeliveryStates.Sending;
            if (changes)
            {
                (row.DeliveryState, row.DeliveryDetail) = (state, detail);
            }
            row.ProviderMessageId = providerMessageId ?? row.ProviderMessageId;
            if (await conversations.TryReplaceMessageAsync(row, cancellationToken))
            {
                return changes;
            }
            row = await conversations.GetMessageAsync(reply.PartitionKey, reply.RowKey, cancellationToken)
                ?? throw new InvalidOperationException($"Outbound message {reply.RowKey} disappeared.");
        }
        throw new InvalidOperationException($"Outbound message {reply.RowKey} kept changing; the queue will retry.");
    }
}
