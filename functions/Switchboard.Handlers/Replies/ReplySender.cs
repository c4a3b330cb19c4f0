using Switchboard.Handlers.Mail;
using System.Text.Json;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Inbound;
using Switchboard.Core.Replies;
using Switchboard.Core.Team;
using Switchboard.Core.Threading;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Events;
using Switchboard.Storage.Queues;
using Switchboard.Storage.Threading;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// Accepts a reply for sending: stores it in the conversation as an outbound email in state <c>sending</c> (with our
/// own Message-ID, registered as a thread key so the customer's answer threads), then publishes <c>reply-sent</c> and
/// queues it on <c>outbound-email</c>. Used by the composer (with the version the agent saw), by replies agents send
/// from their own mail client, by call recaps and by approved drafts. The conversation's head is read once, by the
/// updater, which also checks the version there.
/// </summary>
public sealed class ReplySender(
    ConversationUpdater updater,
    ConversationStore conversations,
    MessageContentStore content,
    ThreadKeyStore threadKeys,
    EventQueue events,
    WorkQueue queue,
    OwnMessageIds ownMessageIds,
    IOptions<MailOptions> mail,
    TimeProvider time)
{
    /// <param name="expectedVersion">The version the agent saw; null accepts whatever arrived meanwhile (mail-client replies).</param>
    /// <param name="idempotencyKey">
    /// The same key from the same agent names the same reply: a retry returns it instead of sending twice.
    /// </param>
    /// <param name="approvedBy">
    /// For an approved draft: the agent who approved it. The author (a trainee, say) stays the author of the words
    /// and the name on From; the approver is recorded on the message, flagged <c>approved-draft</c>.
    /// </param>
    public async Task<ReplyOutcome> AcceptAsync(
        ReplyAuthor author, string conversationId, OutgoingReply reply, int? expectedVersion, string? idempotencyKey,
        CancellationToken cancellationToken = default, ReplyAuthor? approvedBy = null)
    {
        if (author.Role == AgentRoles.Trainee && (approvedBy is null || approvedBy.Role == AgentRoles.Trainee))
        {
            return new ReplyOutcome.TraineeMustSubmitDraft();
        }
        var messageId = ownMessageIds.Create("reply");
        var rowKey = ConversationIds.ForMessage(idempotencyKey is null ? messageId : $"idempotency|{author.AgentId}|{idempotencyKey}");
        if (await conversations.GetOwnMessageAsync(conversationId, rowKey, cancellationToken) is { } earlier)
        {
            return await RepeatedAsync(earlier, cancellationToken);
        }

        var now = time.GetUtcNow();
        var statusAfter = ConversationStatuses.TryParse(reply.StatusAfter, out var parsed) ? parsed : ConversationStatus.Pending;
        var body = await SaveContentAsync(conversationId, rowKey, reply, cancellationToken);
        ReplyOutcome? refusal = null;
        MessageEntity message = null!;
        var update = await updater.UpdateAsync(conversationId, conversation =>
        {
            if (conversation.IsNewerThan(expectedVersion))
            {
                refusal = new ReplyOutcome.Stale(conversation.Version, []);
                return ConversationEdit.Decline;
            }
            if (conversation.CustomerEmail.Length == 0)
            {
                refusal = new ReplyOutcome.NoRecipient();
                return ConversationEdit.Decline;
            }
            message = NewMessage(author, approvedBy, conversation, rowKey, messageId, reply, body, now);
            conversation.Reply(new AgentReply(reply.Text, reply.Cc, statusAfter, now));
            return ConversationEdit.Add(message);
        }, cancellationToken);

        switch (update?.Outcome)
        {
            case ConversationWriteOutcome.Written:
                await AnnounceAsync(update.Conversation, message, cancellationToken);
                return new ReplyOutcome.Accepted(message, update.Conversation.Version, Repeated: false);
            case ConversationWriteOutcome.ItemAlreadyStored:
                // The same idempotency key raced itself: the other request stored it.
                var stored = await conversations.GetMessageAsync(conversationId, rowKey, cancellationToken)
                    ?? throw new InvalidOperationException($"Reply {rowKey} was refused as stored but is not there.");
                return await RepeatedAsync(stored, cancellationToken);
        }
        if (idempotencyKey is null)
        {
            // Nothing refers to what was saved for this reply; a retry with a key would save the same names again.
            await content.DeleteAsync(body.BlobNames, cancellationToken);
        }
        return refusal switch
        {
            ReplyOutcome.Stale => await StaleAsync(update!.Conversation.Id, expectedVersion!.Value, cancellationToken),
            { } refused => refused,
            null => new ReplyOutcome.NoConversation(),
        };
    }

    /// <summary>
    /// A retry of a reply already stored: finish what the first try may not have (thread key, event, queue), if it
    /// is still waiting to go out. Delivery claims the row before sending, so a second queue message cannot send twice.
    /// </summary>
    private async Task<ReplyOutcome> RepeatedAsync(MessageEntity earlier, CancellationToken cancellationToken)
    {
        // The conversation whose partition holds the row (after a merge, the old id's or the survivor's): delivery reads it there.
        var conversation = (await conversations.GetHeadAsync(earlier.PartitionKey, cancellationToken))?.ToConversation();
        if (conversation is not null && earlier.DeliveryState == DeliveryStates.Sending)
        {
            await AnnounceAsync(conversation, earlier, cancellationToken);
        }
        return new ReplyOutcome.Accepted(earlier, conversation?.Version ?? 0, Repeated: true);
    }

    /// <summary>The items added after version <paramref name="seen"/>, newest last: every item added one to the version.</summary>
    private async Task<ReplyOutcome> StaleAsync(string conversationId, int seen, CancellationToken cancellationToken)
    {
        var (head, messages) = await conversations.GetAsync(conversationId, cancellationToken);
        if (head is null)
        {
            return new ReplyOutcome.NoConversation();
        }
        var missed = messages.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.SentAt)
            .Take(Math.Max(0, head.Version - seen)).Reverse().ToList();
        return new ReplyOutcome.Stale(head.Version, missed);
    }

    /// <summary>Attachments, and the bodies when too large for the row, saved before the row that names them.</summary>
    private async Task<ReplyContent> SaveContentAsync(string conversationId, string rowKey, OutgoingReply reply, CancellationToken cancellationToken)
    {
        var attachments = await content.SaveAttachmentsAsync(conversationId, rowKey,
            reply.Attachments.Select(a => new ParsedAttachment(a.Name, a.ContentType, a.Content.Length, null, false, a.Content)).ToList(),
            cancellationToken);
        var html = reply.Html is { Length: > 0 } raw ? ReplyHtml.Sanitize(raw) : null;
        var bodyBlob = reply.Text.Length * 2 + (html?.Length ?? 0) > MessageEntity.InlineBodyLimit
            ? await content.SaveBodyAsync(conversationId, rowKey, new StoredBody(reply.Text, reply.Text, html), cancellationToken)
            : null;
        return new ReplyContent(attachments, html, bodyBlob);
    }

    private MessageEntity NewMessage(ReplyAuthor author, ReplyAuthor? approvedBy, Conversation conversation, string rowKey, string messageId,
        OutgoingReply reply, ReplyContent body, DateTimeOffset now)
    {
        var message = new MessageEntity
        {
            PartitionKey = conversation.Id,
            RowKey = rowKey,
            MessageId = messageId,
            Kind = MessageKinds.Email,
            Direction = "outbound",
            AuthorAgentId = author.AgentId,
            ApprovedByAgentId = approvedBy?.AgentId,
            Flags = (approvedBy is null ? MessageFlags.None : MessageFlags.ApprovedDraft).ToStored(),
            DeliveryState = DeliveryStates.Sending,
            FromEmail = conversation.Mailbox,
            FromName = SenderName(author.Name),
            To = JsonSerializer.Serialize(new[] { new StoredAddress(conversation.CustomerEmail, conversation.CustomerName) }, JsonDefaults.Options),
            Cc = JsonSerializer.Serialize(reply.Cc.Select(c => new StoredAddress(c, null)), JsonDefaults.Options),
            Subject = ReplyHeaders.Subject(conversation.Subject),
            SentAt = now,
            ReceivedAt = now,
            Attachments = JsonSerializer.Serialize(body.Attachments, JsonDefaults.Options),
            ThreadMatch = "reply",
            BodyBlobName = body.BodyBlobName,
        };
        if (body.BodyBlobName is null)
        {
            (message.Text, message.VisibleText, message.Html) = (reply.Text, reply.Text, body.Html);
        }
        return message;
    }

    /// <summary>
    /// The display name of our From line: "Alice at Acme Support" (first name, then <c>Mail:TeamName</c>), so the
    /// customer sees a person but the address stays the mailbox, and replies come back to the team.
    /// </summary>
    public string SenderName(string? agentName)
    {
        var first = agentName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var team = mail.Value.TeamName;
        return (first, team) switch
        {
            ({ } name, { Length: > 0 }) => $"{name} at {team}",
            ({ } name, _) => name,
            (null, { Length: > 0 }) => team,
            _ => "Support",
        };
    }

    private async Task AnnounceAsync(Conversation conversation, MessageEntity message, CancellationToken cancellationToken)
    {
        await threadKeys.RegisterAsync(ThreadKey.ForMessageId(message.MessageId), conversation.Id, ThreadKeyRole.Stored, cancellationToken);
        await events.PublishAsync(new DomainEvent(
            Id: message.RowKey,
            Type: DomainEventTypes.ReplySent,
            OccurredAt: message.ReceivedAt,
            ConversationId: conversation.Id,
            MessageId: message.RowKey,
            Mailbox: conversation.Mailbox,
            CustomerEmail: conversation.CustomerEmail,
            Automatic: false,
            Flags: []), cancellationToken);
        await queue.SendAsync(QueueNames.OutboundEmail, new OutboundEmailQueued(conversation.Id, message.RowKey), cancellationToken: cancellationToken);
    }

    /// <summary>What was saved for a reply before its row: the row names these blobs.</summary>
    private sealed record ReplyContent(IReadOnlyList<StoredAttachment> Attachments, string? Html, string? BodyBlobName)
    {
        public IEnumerable<string> BlobNames => Attachments.Select(a => a.BlobName).Concat(BodyBlobName is null ? [] : [BodyBlobName]);
    }
}
