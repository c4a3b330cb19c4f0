using System.Text.Json;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Search;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Customers;
using Switchboard.Storage.Events;
using Switchboard.Storage.Threading;

namespace Switchboard.Handlers.Inbound;

/// <summary>
/// Stores one inbound message in the conversation the resolver chose. Every step is safe to repeat: the message row is
/// keyed by its Message-ID, blobs have fixed names, index and keys are upserts, and the event id is the message id.
/// </summary>
public sealed class ConversationWriter(
    ConversationStore conversations,
    MessageContentStore content,
    InboxIndex inbox,
    ThreadKeyStore threadKeys,
    CustomerStore customers,
    EventQueue events,
    ConversationIndexer search,
    Mailboxes mailboxes,
    TimeProvider time)
{
    private const int MaxHeadRetries = 30;

    /// <param name="knownHead">The head as threading just read it, if it did: saves reading it again.</param>
    /// <param name="unknownReferences">References that led nowhere when threading; registered for this conversation.</param>
    /// <returns>Other conversations this message turned out to link (they held one of its keys): to be merged with it.</returns>
    public async Task<WriteResult> WriteAsync(IncomingMessage incoming, InboundEmailReceived received, string conversationId, ThreadMatch match,
        bool startsConversation, string? linkedConversationId, ConversationEntity? knownHead = null, CancellationToken cancellationToken = default,
        IReadOnlyList<string>? unknownReferences = null)
    {
        var email = incoming.Email;
        var rowKey = ConversationIds.ForMessage(email.MessageId);
        var attachments = await content.SaveAttachmentsAsync(conversationId, rowKey, email.Attachments, cancellationToken);
        var message = await NewMessageAsync(incoming, received, conversationId, rowKey, match, attachments, cancellationToken);

        ConversationEntity head = null!;
        string? previousStatus = null, previousRowKey = null, previousSubject = null;
        var created = false;
        var outcome = AppendOutcome.HeadChanged;
        for (var attempt = 0; attempt < MaxHeadRetries && outcome == AppendOutcome.HeadChanged; attempt++)
        {
            if (attempt > 0)
            {
                // Jittered back-off between writers of one busy conversation. Wall-clock on purpose: this spaces out
                // retries, it is not business time, and a test's fake clock must not stall it.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + 10 * attempt)), cancellationToken);
            }
            var current = attempt == 0 && knownHead is not null ? knownHead : await conversations.GetHeadAsync(conversationId, cancellationToken);
            if (current?.MergedInto is { Length: > 0 })
            {
                // Folded into another conversation since threading chose it: the message goes where its rows went.
                current = await conversations.GetLiveHeadAsync(conversationId, cancellationToken);
                conversationId = current!.PartitionKey;
                message.PartitionKey = conversationId;
            }
            if (current is null && !startsConversation)
            {
                throw new InvalidOperationException($"Conversation {conversationId} was matched but has no head row.");
            }
            created = current is null;
            head = current ?? NewHead(conversationId, incoming, linkedConversationId);
            (previousStatus, previousRowKey) = created ? (null, null) : (head.Status, head.IndexRowKey);
            previousSubject = created ? null : head.Subject;
            ApplyMessage(head, message, incoming);
            outcome = await conversations.AppendAsync(head, message, created, cancellationToken);
        }
        if (outcome == AppendOutcome.HeadChanged)
        {
            throw new InvalidOperationException($"Conversation {conversationId} kept changing; the message will be retried.");
        }
        var redelivered = outcome == AppendOutcome.AlreadyStored;
        if (redelivered)
        {
            // A redelivery: finish what the first delivery may not have (index, keys, event), all of it idempotent.
            // The conversation id comes from the message that started it, so this is that message when starting.
            head = (await conversations.GetLiveHeadAsync(conversationId, cancellationToken))!;
            conversationId = head.PartitionKey;
            created = startsConversation;
            (previousStatus, previousRowKey) = (null, null);
        }

        await inbox.MoveAsync(head, previousStatus, previousRowKey, cancellationToken);
        var linked = await RegisterThreadKeysAsync(incoming, head, created, unknownReferences, cancellationToken);
        await RecordPeopleAsync(incoming, head, created, message, cancellationToken);
        await search.IndexAsync(head, message, email.VisibleText,
            conversationTerms: created || redelivered || previousSubject != head.Subject, cancellationToken);
        await events.PublishAsync(new DomainEvent(
            Id: rowKey,
            Type: created ? DomainEventTypes.ConversationStarted : DomainEventTypes.MessageReceived,
            OccurredAt: received.ReceivedAt,
            ConversationId: conversationId,
            MessageId: rowKey,
            Mailbox: head.Mailbox,
            CustomerEmail: head.CustomerEmail,
            Automatic: incoming.IsAutomatic,
            Flags: SplitFlags(message.Flags)), cancellationToken);
        return new WriteResult(conversationId, linked);
    }

    private ConversationEntity NewHead(string conversationId, IncomingMessage incoming, string? linkedConversationId)
    {
        var customer = CustomerOf(incoming);
        return new ConversationEntity
        {
            PartitionKey = conversationId,
            Mailbox = incoming.Mailbox,
            CustomerEmail = customer?.Address ?? "",
            CustomerName = customer?.Name,
            CreatedAt = time.GetUtcNow(),
            EarliestSentAt = DateTimeOffset.MaxValue,
            ReplyToken = ReplyTokens.Create(),
            LinkedConversationId = linkedConversationId,
            Participants = JsonSerializer.Serialize(
                (customer is null ? [] : new[] { new Participant(customer.Address, customer.Name, "customer", false) })
                .Concat(incoming.Email.To.Concat(incoming.Email.Cc)
                    .Where(a => !mailboxes.IsOurs(a.Address) && !SameAddress(a.Address, customer?.Address))
                    .DistinctBy(a => a.Address.ToLowerInvariant())
                    .Select(a => new Participant(a.Address, a.Name, "cc", false))), JsonDefaults.Options),
        };
    }

    /// <summary>The customer is whoever wrote in; for mail we sent ourselves, whoever we wrote to.</summary>
    private EmailAddress? CustomerOf(IncomingMessage incoming) =>
        incoming.Email.From is { } from && !mailboxes.IsOurs(from.Address)
            ? from
            : incoming.Email.To.Concat(incoming.Email.Cc).FirstOrDefault(a => !mailboxes.IsOurs(a.Address)) ?? incoming.Email.From;

    /// <summary>Counts, activity, subject, preview, status and participants after this message.</summary>
    private void ApplyMessage(ConversationEntity head, MessageEntity message, IncomingMessage incoming)
    {
        head.MessageCount++;
        head.Version++;
        head.LastActivityAt = head.LastActivityAt > message.ReceivedAt ? head.LastActivityAt : message.ReceivedAt;
        if (message.SentAt < head.EarliestSentAt)
        {
            head.EarliestSentAt = message.SentAt;
            head.Subject = Subjects.WithoutPrefixes(incoming.Email.Subject);
        }
        head.Preview = Preview(message.VisibleText ?? incoming.Email.VisibleText);
        head.IndexRowKey = InboxIndex.RowKeyFor(head.LastActivityAt, head.PartitionKey);

        var customerWrote = message.Direction == "inbound" && !incoming.IsAutomatic;
        if (customerWrote && head.Status != ConversationStatus.Open.ToWire())
        {
            head.Status = ConversationStatus.Open.ToWire();
            head.ClosedAt = null;
            head.SnoozedUntil = null;
        }

        var participants = JsonSerializer.Deserialize<List<Participant>>(head.Participants, JsonDefaults.Options) ?? [];
        if (customerWrote && incoming.Email.From is { } sender && !SameAddress(sender.Address, head.CustomerEmail))
        {
            var known = participants.FindIndex(p => SameAddress(p.Email, sender.Address));
            if (known < 0 || participants[known].Role != "participant")
            {
                var participant = new Participant(sender.Address, sender.Name ?? (known >= 0 ? participants[known].Name : null), "participant", true);
                if (known >= 0) participants[known] = participant; else participants.Add(participant);
                message.Flags = string.Join(',', SplitFlags(message.Flags).Append("new-participant").Distinct());
            }
        }
        head.Participants = JsonSerializer.Serialize(participants, JsonDefaults.Options);
    }

    private async Task<MessageEntity> NewMessageAsync(IncomingMessage incoming, InboundEmailReceived received, string conversationId,
        string rowKey, ThreadMatch match, IReadOnlyList<StoredAttachment> attachments, CancellationToken cancellationToken)
    {
        var email = incoming.Email;
        var fromUs = email.From is { } from && mailboxes.IsOurs(from.Address);
        var message = new MessageEntity
        {
            PartitionKey = conversationId,
            RowKey = rowKey,
            MessageId = email.MessageId,
            Direction = fromUs ? "outbound" : "inbound",
            FromEmail = email.From?.Address,
            FromName = email.From?.Name,
            To = JsonSerializer.Serialize(email.To.Select(a => new StoredAddress(a.Address, a.Name)), JsonDefaults.Options),
            Cc = JsonSerializer.Serialize(email.Cc.Select(a => new StoredAddress(a.Address, a.Name)), JsonDefaults.Options),
            Subject = email.Subject,
            SentAt = email.Date ?? received.ReceivedAt,
            ReceivedAt = received.ReceivedAt,
            Attachments = JsonSerializer.Serialize(attachments, JsonDefaults.Options),
            Flags = string.Join(',', FlagsOf(incoming)),
            RawBlobName = received.RawBlobName,
            ThreadMatch = match.ToString(),
            Problems = JsonSerializer.Serialize(email.Problems, JsonDefaults.Options),
        };
        if (email.Text.Length + email.VisibleText.Length + (email.Html?.Length ?? 0) > MessageEntity.InlineBodyLimit)
        {
            message.BodyBlobName = await content.SaveBodyAsync(conversationId, rowKey, new StoredBody(email.Text, email.VisibleText, email.Html), cancellationToken);
            message.VisibleText = email.VisibleText.Length > MessageEntity.InlineBodyLimit ? null : email.VisibleText;
        }
        else
        {
            (message.Text, message.VisibleText, message.Html) = (email.Text, email.VisibleText, email.Html);
        }
        return message;
    }

    /// <summary>Registers the message's keys; returns other conversations found holding them (to merge with).</summary>
    private async Task<List<string>> RegisterThreadKeysAsync(IncomingMessage incoming, ConversationEntity head, bool created,
        IReadOnlyList<string>? unknownReferences, CancellationToken cancellationToken)
    {
        var id = head.PartitionKey;
        var email = incoming.Email;
        var others = new List<string>();
        void Note(ThreadKeyTarget? holder)
        {
            if (holder is { ConversationId.Length: > 0 } && holder.ConversationId != id && holder.Role is ThreadKeyRole.Stored or ThreadKeyRole.Referenced)
            {
                others.Add(holder.ConversationId);
            }
        }
        Note(await threadKeys.RegisterStoredAsync(ThreadKey.ForMessageId(email.MessageId), id, cancellationToken));
        // References that led nowhere when it was threaded (a parent still to come, or a ghost we will never receive):
        // a later message naming only one of them then finds this conversation. One taken meanwhile by another
        // conversation links the two.
        foreach (var parentId in unknownReferences ?? [])
        {
            Note(await threadKeys.RegisterIfAbsentAsync(ThreadKey.ForMessageId(parentId), id, ThreadKeyRole.Referenced, cancellationToken));
        }
        if (created)
        {
            await threadKeys.RegisterAsync(ThreadKey.ForReplyToken(head.ReplyToken), id, ThreadKeyRole.Stored, cancellationToken);
        }
        if (email.ThreadIndexRoot is { Length: > 0 } root)
        {
            await threadKeys.RegisterAsync(ThreadKey.ForThreadIndex(head.Mailbox, root), id, ThreadKeyRole.Stored, cancellationToken);
        }
        // The subject key is the customer's; a reply under the conversation's own subject finds it already there.
        var subject = SubjectNormalizer.Normalize(email.Subject);
        if (!incoming.IsAutomatic && email.From is { } from && SameAddress(from.Address, head.CustomerEmail)
            && (created || subject != SubjectNormalizer.Normalize(head.Subject)))
        {
            await threadKeys.RegisterAsync(ThreadKey.ForSubject(head.Mailbox, from.Address, subject), id, ThreadKeyRole.Stored, cancellationToken);
        }
        return others;
    }

    private async Task RecordPeopleAsync(IncomingMessage incoming, ConversationEntity head, bool created, MessageEntity message, CancellationToken cancellationToken)
    {
        if (created && head.CustomerEmail.Length > 0)
        {
            await customers.RecordContactAsync(head.CustomerEmail, head.CustomerName, head.PartitionKey, message.ReceivedAt, cancellationToken);
        }
        else if (head.CustomerEmail.Length > 0)
        {
            // Every message is contact with the customer: last contact moves on (one merge; the profile exists already).
            await customers.TouchAsync(head.CustomerEmail, head.PartitionKey, message.ReceivedAt, cancellationToken);
        }
        if (SplitFlags(message.Flags).Contains("new-participant") && incoming.Email.From is { } participant)
        {
            await customers.RecordContactAsync(participant.Address, participant.Name, head.PartitionKey, message.ReceivedAt, cancellationToken);
        }
    }

    private IEnumerable<string> FlagsOf(IncomingMessage incoming)
    {
        var flags = incoming.Email.Flags;
        if ((flags & MailFlags.AutoReply) != 0) yield return "auto-reply";
        if ((flags & MailFlags.Bounce) != 0) yield return "bounce";
        if ((flags & MailFlags.Unparsed) != 0) yield return "unparsed";
        if ((flags & MailFlags.List) != 0) yield return "list";
        if (incoming.SentByUs) yield return "own-message";
    }

    private static string[] SplitFlags(string flags) => flags.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static bool SameAddress(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Preview(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= 160 ? collapsed : collapsed[..157] + "…";
    }
}

/// <summary>Where the message was written, and other conversations found to hold one of its keys (to merge with it).</summary>
public sealed record WriteResult(string ConversationId, IReadOnlyList<string> LinkedConversationIds);
