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
/// sent, and only after claiming it (an ETag-guarded write that marks it in flight until <see cref="MailOptions.SendLease"/>
/// from now), so a redelivered or duplicated queue message never sends twice. A delivery that finds the mark comes back
/// when it runs out; finding it run out, the delivery that set it died between the claim and the outcome (maybe after the
/// provider took the mail), so the reply is marked <c>failed</c> with <see cref="InterruptedDetail"/> rather than sent
/// again: at most once, never silently lost. Transient failures re-queue the message with a doubling delay; a
/// permanent one, or the last try, marks the row <c>failed</c> and publishes <c>delivery-failed</c>.
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
        var now = time.GetUtcNow();
        if (reply.SendingUntil is { } until)
        {
            if (now < until)
            {
                // Another delivery is sending it (or died doing so): look again once its mark has run out.
                await queue.SendAsync(QueueNames.OutboundEmail, queued, until - now + TimeSpan.FromSeconds(1), cancellationToken);
                logger.LogInformation("Outbound message {MessageId} is being sent by another delivery until {Until}.", reply.RowKey, until);
                return;
            }
            logger.LogError("Outbound message {MessageId} was left in flight since before {Until}: its delivery died mid-send.", reply.RowKey, until);
            await FailAsync(head, reply, InterruptedDetail, $"{reply.RowKey}-interrupted-{until.UtcTicks}", cancellationToken);
            return;
        }
        reply.DeliveryDetail = $"Sending (try {queued.Attempt}).";
        reply.SendingUntil = now + mail.Value.SendLease;
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
            await FailAsync(head, reply, detail, $"{reply.RowKey}-failed-{queued.Attempt}", cancellationToken);
            return;
        }
        await RecordAsync(reply, DeliveryStates.Sent, mail.Value.UsesSink ? "Kept by the mail sink (not sent)." : "Accepted by SendGrid.",
            result.ProviderMessageId, cancellationToken);
    }

    /// <summary>Why a reply whose delivery died mid-send is failed, not sent again: the agent decides.</summary>
    public const string InterruptedDetail =
        "Interrupted while sending: it may or may not have reached the customer. Check before sending again.";

    private async Task FailAsync(ConversationEntity head, MessageEntity reply, string detail, string eventId, CancellationToken cancellationToken)
    {
        if (await RecordAsync(reply, DeliveryStates.Failed, detail, null, cancellationToken))
        {
            await events.PublishAsync(new DomainEvent(
                eventId, DomainEventTypes.DeliveryFailed, time.GetUtcNow(), head.PartitionKey, reply.RowKey,
                head.Mailbox, head.CustomerEmail, Automatic: false, Flags: [DeliveryStates.Failed]), cancellationToken);
        }
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
            // A delivery that outlived its mark and was failed as interrupted still says what really happened.
            var changes = row.DeliveryState == DeliveryStates.Sending
                || (state == DeliveryStates.Sent && row.DeliveryState == DeliveryStates.Failed && row.DeliveryDetail == InterruptedDetail);
            row.SendingUntil = null;
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
