using System.Text.Json;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Inbound;
using Switchboard.Core.Replies;
using Switchboard.Core.Team;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Inbound;
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
/// from their own mail client, and later by approved drafts.
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
        ReplyAuthor author, string conversationId, ReplyDraft draft, int? expectedVersion, string? idempotencyKey,
        CancellationToken cancellationToken = default, ReplyAuthor? approvedBy = null)
    {
        if (author.Role == AgentRoles.Trainee && (approvedBy is null || approvedBy.Role == AgentRoles.Trainee))
        {
            return new ReplyOutcome.TraineeMustSubmitDraft();
        }
        var messageId = ownMessageIds.Create("reply");
        var rowKey = ConversationIds.ForMessage(idempotencyKey is null ? messageId : $"idempotency|{author.AgentId}|{idempotencyKey}");
        if (await conversations.GetMessageAsync(conversationId, rowKey, cancellationToken) is { } earlier)
        {
            return await RepeatedAsync(conversationId, earlier, cancellationToken);
        }
        var current = await conversations.GetHeadAsync(conversationId, cancellationToken);
        if (current is null)
        {
            return new ReplyOutcome.NoConversation();
        }
        if (expectedVersion is { } seen && seen != current.Version)
        {
            return await StaleAsync(conversationId, seen, cancellationToken);
        }
        if (current.CustomerEmail.Length == 0)
        {
            return new ReplyOutcome.NoRecipient();
        }

        var now = time.GetUtcNow();
        var attachments = await content.SaveAttachmentsAsync(conversationId, rowKey,
            draft.Attachments.Select(a => new ParsedAttachment(a.Name, a.ContentType, a.Content.Length, null, false, a.Content)).ToList(),
            cancellationToken);
        var message = await NewMessageAsync(author, current, conversationId, rowKey, messageId, draft, attachments, now, cancellationToken);
        if (approvedBy is not null)
        {
            message.ApprovedByAgentId = approvedBy.AgentId;
            message.Flags = ApprovedDraftFlag;
        }

        var stale = false;
        ConversationEntity? head;
        try
        {
            head = await updater.UpdateAsync(conversationId, head =>
            {
                if (expectedVersion is { } expected && expected != head.Version)
                {
                    stale = true;
                    throw new ConversationChangeRefused(409, "The conversation changed.");
                }
                Apply(head, draft, now);
                return message;
            }, cancellationToken);
        }
        catch (ConversationChangeRefused) when (stale)
        {
            return await StaleAsync(conversationId, expectedVersion!.Value, cancellationToken);
        }
        catch (ConversationChangeRefused)
        {
            // The same idempotency key raced itself: the other request stored it.
            var stored = await conversations.GetMessageAsync(conversationId, rowKey, cancellationToken);
            return stored is null ? throw new InvalidOperationException($"Reply {rowKey} was refused but is not stored.") : await RepeatedAsync(conversationId, stored, cancellationToken);
        }
        if (head is null)
        {
            return new ReplyOutcome.NoConversation();
        }
        await AnnounceAsync(head, message, cancellationToken);
        return new ReplyOutcome.Accepted(message, head.Version, Repeated: false);
    }

    /// <summary>
    /// A retry of a reply already stored: finish what the first try may not have (thread key, event, queue), if it
    /// is still waiting to go out. Delivery claims the row before sending, so a second queue message cannot send twice.
    /// </summary>
    private async Task<ReplyOutcome> RepeatedAsync(string conversationId, MessageEntity earlier, CancellationToken cancellationToken)
    {
        var head = await conversations.GetHeadAsync(conversationId, cancellationToken);
        if (head is not null && earlier.DeliveryState == DeliveryStates.Sending)
        {
            await AnnounceAsync(head, earlier, cancellationToken);
        }
        return new ReplyOutcome.Accepted(earlier, head?.Version ?? 0, Repeated: true);
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

    /// <summary>The flag of a reply that was a draft approved by another agent.</summary>
    public const string ApprovedDraftFlag = "approved-draft";

    private static void Apply(ConversationEntity head, ReplyDraft draft, DateTimeOffset now)
    {
        AddCcParticipants(head, draft.Cc);
        // A reply to a closed conversation reopens it; the status the agent chose then applies.
        head.Status = draft.StatusAfter;
        head.ClosedAt = draft.StatusAfter == ConversationStatus.Closed.ToWire() ? now : null;
        head.SnoozedUntil = null;
        head.MessageCount++;
        head.LastActivityAt = head.LastActivityAt > now ? head.LastActivityAt : now;
        head.Preview = Preview(draft.Text);
        head.FirstResponseAt ??= now;
    }

    /// <summary>Whoever the team copies becomes a participant (role <c>cc</c>), so later replies and the customer panel know them.</summary>
    private static void AddCcParticipants(ConversationEntity head, IReadOnlyList<string> cc)
    {
        if (cc.Count == 0)
        {
            return;
        }
        var participants = JsonSerializer.Deserialize<List<Participant>>(head.Participants, JsonDefaults.Options) ?? [];
        foreach (var address in cc)
        {
            if (!string.Equals(address, head.CustomerEmail, StringComparison.OrdinalIgnoreCase)
                && !participants.Any(p => string.Equals(p.Email, address, StringComparison.OrdinalIgnoreCase)))
            {
                participants.Add(new Participant(address, null, "cc", Flagged: false));
            }
        }
        head.Participants = JsonSerializer.Serialize(participants, JsonDefaults.Options);
    }

    private async Task<MessageEntity> NewMessageAsync(
        ReplyAuthor author, ConversationEntity head, string conversationId, string rowKey, string messageId, ReplyDraft draft,
        IReadOnlyList<StoredAttachment> attachments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var html = draft.Html is { Length: > 0 } raw ? ReplyHtml.Sanitize(raw) : null;
        var message = new MessageEntity
        {
            PartitionKey = conversationId,
            RowKey = rowKey,
            MessageId = messageId,
            Kind = MessageKinds.Email,
            Direction = "outbound",
            AuthorAgentId = author.AgentId,
            DeliveryState = DeliveryStates.Sending,
            FromEmail = head.Mailbox,
            FromName = SenderName(author.Name),
            To = JsonSerializer.Serialize(new[] { new StoredAddress(head.CustomerEmail, head.CustomerName) }, JsonDefaults.Options),
            Cc = JsonSerializer.Serialize(draft.Cc.Select(c => new StoredAddress(c, null)), JsonDefaults.Options),
            Subject = ReplyHeaders.Subject(head.Subject),
            SentAt = now,
            ReceivedAt = now,
            Attachments = JsonSerializer.Serialize(attachments, JsonDefaults.Options),
            ThreadMatch = "reply",
        };
        if (draft.Text.Length * 2 + (html?.Length ?? 0) > MessageEntity.InlineBodyLimit)
        {
            message.BodyBlobName = await content.SaveBodyAsync(conversationId, rowKey, new StoredBody(draft.Text, draft.Text, html), cancellationToken);
        }
        else
        {
            (message.Text, message.VisibleText, message.Html) = (draft.Text, draft.Text, html);
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

    private async Task AnnounceAsync(ConversationEntity head, MessageEntity message, CancellationToken cancellationToken)
    {
        await threadKeys.RegisterAsync(ThreadKey.ForMessageId(message.MessageId), head.PartitionKey, ThreadKeyRole.Stored, cancellationToken);
        await events.PublishAsync(new DomainEvent(
            Id: message.RowKey,
            Type: DomainEventTypes.ReplySent,
            OccurredAt: message.ReceivedAt,
            ConversationId: head.PartitionKey,
            MessageId: message.RowKey,
            Mailbox: head.Mailbox,
            CustomerEmail: head.CustomerEmail,
            Automatic: false,
            Flags: []), cancellationToken);
        await queue.SendAsync(QueueNames.OutboundEmail, new OutboundEmailQueued(head.PartitionKey, message.RowKey), cancellationToken: cancellationToken);
    }

    private static string Preview(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= 160 ? collapsed : collapsed[..157] + "…";
    }
}
