using System.Text.Json;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Customers;
using Switchboard.Storage.Events;
using Switchboard.Storage.Search;
using Switchboard.Storage.Threading;

namespace Switchboard.Handlers.Inbound;

/// <summary>
/// Stores one inbound message in the conversation the resolver chose. Every step is safe to repeat: the message row is
/// keyed by its Message-ID, blobs have fixed names, index and keys are upserts, and the event id is the message id.
/// </summary>
public sealed class ConversationWriter(
    ConversationUpdater updater,
    ConversationStore conversations,
    MessageContentStore content,
    ThreadKeyStore threadKeys,
    CustomerStore customers,
    EventQueue events,
    ConversationIndexer search,
    Mailboxes mailboxes,
    TimeProvider time)
{
    /// <param name="knownHead">The head as threading just read it, if it did: saves reading it again.</param>
    /// <param name="unknownReferences">References that led nowhere when threading; registered for this conversation.</param>
    /// <param name="abandoned">Conversations threading found claimed but never written: their claims are taken over, not merged with.</param>
    /// <returns>Other conversations this message turned out to link (they held one of its keys): to be merged with it.</returns>
    public async Task<WriteResult> WriteAsync(IncomingMessage incoming, InboundEmailReceived received, string conversationId, ThreadMatch match,
        bool startsConversation, string? linkedConversationId, ConversationEntity? knownHead = null, CancellationToken cancellationToken = default,
        IReadOnlyList<string>? unknownReferences = null, IReadOnlyCollection<string>? abandoned = null)
    {
        var email = incoming.Email;
        var rowKey = ConversationIds.ForMessage(email.MessageId);
        var attachments = await content.SaveAttachmentsAsync(conversationId, rowKey, email.Attachments, cancellationToken);
        var message = await NewMessageAsync(incoming, received, conversationId, rowKey, match, attachments, cancellationToken);
        var flags = FlagsOf(incoming);
        var mail = new ArrivingMail(email.From, IsFromUs(email), incoming.IsAutomatic, email.Subject, message.SentAt, message.ReceivedAt,
            message.VisibleText ?? email.VisibleText);

        string? previousSubject = null;
        var chosenId = conversationId;
        // A conversation merged into another since threading chose it is followed by the updater: the message goes
        // where the conversation's rows went.
        var update = await updater.WriteAsync(chosenId,
            startsConversation ? () => Start(chosenId, incoming, linkedConversationId) : null, knownHead, conversation =>
            {
                previousSubject = conversation.MessageCount == 0 ? null : conversation.Subject;
                message.Flags = (flags | conversation.Receive(mail)).ToStored();
                return ConversationEdit.Add(message);
            }, cancellationToken)
            ?? throw new InvalidOperationException($"Conversation {conversationId} was matched but has no head row.");
        conversationId = update.Conversation.Id;

        var (conversation, created) = (update.Conversation, update.Created);
        var redelivered = update.Outcome == ConversationWriteOutcome.ItemAlreadyStored;
        if (redelivered)
        {
            // A redelivery: finish what the first delivery may not have (index, keys, event), all of it idempotent.
            // The conversation id comes from the message that started it, so this is that message when starting.
            var stored = await conversations.GetLiveHeadAsync(conversationId, cancellationToken)
                ?? throw new InvalidOperationException($"Conversation {conversationId} holds message {rowKey} but has no head row.");
            conversation = stored.ToConversation();
            conversationId = conversation.Id;
            created = startsConversation;
            await updater.RepairInboxRowsAsync(stored, cancellationToken);
        }

        var messageFlags = MessageFlagNames.Parse(message.Flags);
        var linked = await RegisterThreadKeysAsync(incoming, conversation, created, unknownReferences, abandoned, cancellationToken);
        await RecordPeopleAsync(incoming, conversation, created, message, messageFlags, cancellationToken);
        await search.IndexAsync(conversation, message, email.VisibleText,
            conversationTerms: created || redelivered || previousSubject != conversation.Subject, cancellationToken);
        await PublishAsync(incoming, received, conversation, created, rowKey, messageFlags, cancellationToken);
        // Last: once its own key says "stored", a redelivery is a duplicate, so everything above must be done by then.
        // What the key led to before (a reply that arrived first and started its own conversation) is merged with it;
        // the key keeps that conversation, so a redelivery merges it if this delivery cannot.
        var previous = await threadKeys.RegisterStoredAsync(ThreadKey.ForMessageId(email.MessageId), conversation.Id, cancellationToken);
        if (IsOther(previous, conversation.Id) && abandoned?.Contains(previous!.ConversationId) != true)
        {
            linked.Add(previous!.ConversationId);
        }
        return new WriteResult(conversationId, linked);
    }

    private Task PublishAsync(IncomingMessage incoming, InboundEmailReceived received, Conversation conversation, bool created, string rowKey,
        MessageFlags messageFlags, CancellationToken cancellationToken) =>
        events.PublishAsync(new DomainEvent(
            Id: rowKey,
            Type: created ? DomainEventTypes.ConversationStarted : DomainEventTypes.MessageReceived,
            OccurredAt: received.ReceivedAt,
            ConversationId: conversation.Id,
            MessageId: rowKey,
            Mailbox: conversation.Mailbox,
            CustomerEmail: conversation.CustomerEmail,
            Automatic: incoming.IsAutomatic,
            Flags: messageFlags.ToNames()), cancellationToken);

    /// <summary>A key held by another conversation, as stored or referenced mail: the two are one thread.</summary>
    private static bool IsOther(ThreadKeyTarget? holder, string conversationId) =>
        holder is { ConversationId.Length: > 0 } && holder.ConversationId != conversationId && holder.Role is ThreadKeyRole.Stored or ThreadKeyRole.Referenced;

    /// <summary>
    /// A new conversation: its customer is whoever wrote in or, for mail we sent ourselves, whoever we wrote to; the
    /// others addressed (not our mailboxes) are copied.
    /// </summary>
    private Conversation Start(string conversationId, IncomingMessage incoming, string? linkedConversationId)
    {
        var email = incoming.Email;
        var customer = !IsFromUs(email) && email.From is { } from
            ? from
            : email.To.Concat(email.Cc).FirstOrDefault(a => !mailboxes.IsOurs(a.Address)) ?? email.From;
        return Conversation.Start(conversationId, incoming.Mailbox, customer,
            email.To.Concat(email.Cc).Where(a => !mailboxes.IsOurs(a.Address)),
            ReplyTokens.Create(), linkedConversationId, time.GetUtcNow());
    }

    private bool IsFromUs(ParsedEmail email) => email.From is { } from && mailboxes.IsOurs(from.Address);

    private async Task<MessageEntity> NewMessageAsync(IncomingMessage incoming, InboundEmailReceived received, string conversationId,
        string rowKey, ThreadMatch match, IReadOnlyList<StoredAttachment> attachments, CancellationToken cancellationToken)
    {
        var email = incoming.Email;
        var message = new MessageEntity
        {
            PartitionKey = conversationId,
            RowKey = rowKey,
            MessageId = email.MessageId,
            Direction = IsFromUs(email) ? "outbound" : "inbound",
            FromEmail = email.From?.Address,
            FromName = email.From?.Name,
            To = JsonSerializer.Serialize(email.To.Select(a => new StoredAddress(a.Address, a.Name)), JsonDefaults.Options),
            Cc = JsonSerializer.Serialize(email.Cc.Select(a => new StoredAddress(a.Address, a.Name)), JsonDefaults.Options),
            Subject = email.Subject,
            SentAt = email.Date ?? received.ReceivedAt,
            ReceivedAt = received.ReceivedAt,
            Attachments = JsonSerializer.Serialize(attachments, JsonDefaults.Options),
            RawBlobName = received.RawBlobName,
            ThreadIndex = email.ThreadIndex ?? "",
            References = string.Join(' ', email.References.Count > 0 ? email.References : email.InReplyTo is { } parent ? [parent] : []),
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

    /// <summary>Registers the message's keys but its own; returns other conversations found holding them (to merge with).</summary>
    private async Task<List<string>> RegisterThreadKeysAsync(IncomingMessage incoming, Conversation head, bool created,
        IReadOnlyList<string>? unknownReferences, IReadOnlyCollection<string>? abandoned, CancellationToken cancellationToken)
    {
        var id = head.Id;
        var email = incoming.Email;
        var others = new List<string>();
        void Note(ThreadKeyTarget? holder)
        {
            if (IsOther(holder, id))
            {
                others.Add(holder!.ConversationId);
            }
        }
        // References that led nowhere when it was threaded (a parent still to come, or a ghost we will never receive):
        // a later message naming only one of them then finds this conversation. One taken meanwhile by another
        // conversation links the two.
        foreach (var parentId in unknownReferences ?? [])
        {
            Note(await threadKeys.RegisterOrTakeOverAsync(ThreadKey.ForMessageId(parentId), id, abandoned, cancellationToken));
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
        var subject = Subjects.ThreadingKey(email.Subject);
        if (!incoming.IsAutomatic && email.From is { } from && string.Equals(from.Address.Trim(), head.CustomerEmail.Trim(), StringComparison.OrdinalIgnoreCase)
            && (created || subject != Subjects.ThreadingKey(head.Subject)))
        {
            await threadKeys.RegisterAsync(ThreadKey.ForSubject(head.Mailbox, from.Address, subject), id, ThreadKeyRole.Stored, cancellationToken);
        }
        return others;
    }

    private async Task RecordPeopleAsync(IncomingMessage incoming, Conversation head, bool created, MessageEntity message, MessageFlags flags,
        CancellationToken cancellationToken)
    {
        if (created && head.CustomerEmail.Length > 0)
        {
            await customers.RecordContactAsync(head.CustomerEmail, head.CustomerName, head.Id, message.ReceivedAt, cancellationToken);
        }
        else if (head.CustomerEmail.Length > 0)
        {
            // Every message is contact with the customer: last contact moves on (one merge; the profile exists already).
            await customers.TouchAsync(head.CustomerEmail, head.Id, message.ReceivedAt, cancellationToken);
        }
        if (flags.HasFlag(MessageFlags.NewParticipant) && incoming.Email.From is { } participant)
        {
            await customers.RecordContactAsync(participant.Address, participant.Name, head.Id, message.ReceivedAt, cancellationToken);
        }
    }

    private static MessageFlags FlagsOf(IncomingMessage incoming)
    {
        var flags = incoming.Email.Flags;
        return ((flags & MailFlags.AutoReply) != 0 ? MessageFlags.AutoReply : MessageFlags.None)
            | ((flags & MailFlags.Bounce) != 0 ? MessageFlags.Bounce : MessageFlags.None)
            | ((flags & MailFlags.Unparsed) != 0 ? MessageFlags.Unparsed : MessageFlags.None)
            | ((flags & MailFlags.List) != 0 ? MessageFlags.List : MessageFlags.None)
            | (incoming.SentByUs ? MessageFlags.OwnMessage : MessageFlags.None);
    }
}

/// <summary>Where the message was written, and other conversations found to hold one of its keys (to merge with it).</summary>
public sealed record WriteResult(string ConversationId, IReadOnlyList<string> LinkedConversationIds);
