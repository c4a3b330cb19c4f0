using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;

namespace Switchboard.Core.Threading;

/// <summary>
/// Finds the conversation an inbound message belongs to, JWZ-style: by the Message-IDs it replies to, then by the
/// secret reply address, then by an out-of-order child that named it, by Outlook's Thread-Index, and only then by
/// subject from the same sender within <see cref="ThreadingOptions.Window"/>. Nothing guessable (a ticket number in the
/// subject) threads mail, replies to a broadcast never merge senders, and a conversation closed for longer than the
/// window is not reopened: the reply starts a new one that links it.
/// </summary>
public sealed class ThreadResolver(TimeProvider time, ThreadingOptions options, OwnMessageIds ownMessageIds)
{
    /// <summary>How long a key may point to a conversation that is still being written before it counts as abandoned.</summary>
    private static readonly TimeSpan CreationGrace = TimeSpan.FromMinutes(2);

    public async Task<ThreadDecision> ResolveAsync(IncomingMessage message, IThreadLookup reads, CancellationToken cancellationToken = default)
    {
        var lookup = new TrackedLookup(reads);
        var email = message.Email;
        if ((email.Flags & MailFlags.Bounce) != 0 && email.BouncedMessageId is { Length: > 0 } bounced)
        {
            var original = await lookup.FindAsync(ThreadKey.ForMessageId(bounced), cancellationToken);
            if (original is { Role: ThreadKeyRole.Notification or ThreadKeyRole.Broadcast })
            {
                return new ThreadDecision.NoConversation($"bounce of {bounced}, a message we sent outside any conversation");
            }
            if (original is not null && await ConversationOfAsync(original, message, lookup, cancellationToken) is { } bouncedIn)
            {
                return new ThreadDecision.Existing(bouncedIn.Id, ThreadMatch.Bounce);
            }
            if (ownMessageIds.IsOurs(bounced))
            {
                return new ThreadDecision.NoConversation($"bounce of {bounced}, a message we sent that belongs to no conversation");
            }
        }

        // Header references win, whatever the flags. Every conversation the references (and, for a parent arriving
        // after its replies, the message's own Message-ID) lead to is collected: when there are several, the message
        // links them and the younger fold into the oldest.
        var linked = new List<(ConversationState Conversation, ThreadMatch Match)>();
        var unknown = new List<string>();
        foreach (var parentId in message.ParentIds().Take(options.MaxReferenceLookups))
        {
            var target = await lookup.FindAsync(ThreadKey.ForMessageId(parentId), cancellationToken);
            if (target is { Role: ThreadKeyRole.Broadcast } && linked.Count == 0)
            {
                return await BroadcastReplyAsync(message, parentId, lookup, cancellationToken);
            }
            if (target is not null && await ConversationOfAsync(target, message, lookup, cancellationToken) is { } parent)
            {
                linked.Add((parent, ThreadMatch.References));
            }
            else if (target is null || lookup.Abandoned.Contains(target.ConversationId))
            {
                // Unknown, or claimed for a conversation never written (abandoned): the key is to be (re)taken.
                unknown.Add(parentId);
            }
        }
        var own = await lookup.FindAsync(ThreadKey.ForMessageId(email.MessageId), cancellationToken);
        if (own is { Role: ThreadKeyRole.Stored })
        {
            return await DuplicateAsync(message, own, linked, lookup, cancellationToken);
        }
        if (own is { Role: ThreadKeyRole.Referenced } && await ConversationOfAsync(own, message, lookup, cancellationToken) is { } child)
        {
            linked.Add((child, ThreadMatch.ReferencedByLaterMessage));
        }
        // From here on the message joins a conversation found another way, or starts one: references that led nowhere
        // (or to a conversation never written) are registered for it, so a parent arriving later finds it.
        if (linked.Count > 0)
        {
            var oldest = Oldest(linked.Select(l => l.Conversation));
            var younger = linked.Select(l => l.Conversation.Id).Where(id => id != oldest.Id).Distinct(StringComparer.Ordinal).ToList();
            return Join(message, oldest, linked[0].Match, lookup.Abandoned, younger, unknown);
        }

        foreach (var token in message.ReplyTokens)
        {
            var target = await lookup.FindAsync(ThreadKey.ForReplyToken(token), cancellationToken);
            if (target is not null && await ConversationOfAsync(target, message, lookup, cancellationToken) is { } addressed)
            {
                return Join(message, addressed, ThreadMatch.ReplyAddress, lookup.Abandoned, unknownReferences: unknown);
            }
        }

        if (email.ThreadIndexRoot is { Length: > 0 } root)
        {
            var target = await lookup.FindAsync(ThreadKey.ForThreadIndex(message.Mailbox, root), cancellationToken);
            if (target is not null && await ConversationOfAsync(target, message, lookup, cancellationToken) is { } outlookThread)
            {
                return Join(message, outlookThread, ThreadMatch.ThreadIndex, lookup.Abandoned, unknownReferences: unknown);
            }
        }

        if (message.Sender is { } sender && !message.SentByUs && Subjects.IsReplyOrForward(email.Subject))
        {
            var key = ThreadKey.ForSubject(message.Mailbox, sender, Subjects.ThreadingKey(email.Subject));
            var target = await lookup.FindAsync(key, cancellationToken);
            if (target is not null
                && await ConversationOfAsync(target, message, lookup, cancellationToken) is { } sameSubject
                && string.Equals(sameSubject.CustomerEmail, sender, StringComparison.OrdinalIgnoreCase)
                && time.GetUtcNow() - sameSubject.LastActivityAt <= options.Window)
            {
                return Join(message, sameSubject, ThreadMatch.Subject, lookup.Abandoned, unknownReferences: unknown);
            }
        }

        if (message.IsAutomatic && message.Sender is { } automaticSender)
        {
            var key = ThreadKey.ForAutomaticMail(message.Mailbox, automaticSender, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            var target = await lookup.FindAsync(key, cancellationToken);
            if (target is not null && await ConversationOfAsync(target, message, lookup, cancellationToken) is { } sameDay)
            {
                return new ThreadDecision.Existing(sameDay.Id, ThreadMatch.AutomaticMail, null, unknown.Count > 0 ? unknown : null,
                    lookup.Abandoned.Count > 0 ? lookup.Abandoned : null);
            }
            return Start(message, ThreadMatch.AutomaticMail, lookup.Abandoned, linked: null, extraClaim: key);
        }

        return Start(message, ThreadMatch.None, lookup.Abandoned, linked: null);
    }

    /// <summary>Every sender who answers a broadcast gets a conversation of their own.</summary>
    private async Task<ThreadDecision> BroadcastReplyAsync(IncomingMessage message, string broadcastId, TrackedLookup lookup, CancellationToken cancellationToken)
    {
        var key = ThreadKey.ForBroadcastReply(broadcastId, message.Sender ?? "");
        var target = await lookup.FindAsync(key, cancellationToken);
        if (target is not null && await ConversationOfAsync(target, message, lookup, cancellationToken) is { } earlier)
        {
            return Join(message, earlier, ThreadMatch.BroadcastReply, lookup.Abandoned);
        }
        return Start(message, ThreadMatch.BroadcastReply, lookup.Abandoned, linked: null, extraClaim: key, claimParents: false);
    }

    /// <summary>
    /// A message stored already: the conversations its first delivery had to merge with the one it is in — those its
    /// references lead to (unless they made it start a conversation of its own) and the one its Message-ID led to
    /// before it took the key. Merged ones lead to where they were merged, so nothing is left once all is merged.
    /// </summary>
    private async Task<ThreadDecision> DuplicateAsync(IncomingMessage message, ThreadKeyTarget own,
        List<(ConversationState Conversation, ThreadMatch Match)> linked, TrackedLookup lookup, CancellationToken cancellationToken)
    {
        if (await ConversationOfAsync(own, message, lookup, cancellationToken) is not { } storedIn)
        {
            return new ThreadDecision.Duplicate(own.ConversationId, []);
        }
        var links = new List<string>();
        if (linked.Count > 0 && !StartsAfresh(Oldest(linked.Select(l => l.Conversation))))
        {
            links.AddRange(linked.Select(l => l.Conversation.Id));
        }
        if (own.PreviousConversationId is { Length: > 0 } previous
            && await ConversationOfAsync(own with { ConversationId = previous }, message, lookup, cancellationToken) is { } child)
        {
            links.Add(child.Id);
        }
        return new ThreadDecision.Duplicate(storedIn.Id, [.. links.Where(id => id != storedIn.Id).Distinct(StringComparer.Ordinal)]);
    }

    private static ConversationState Oldest(IEnumerable<ConversationState> conversations) =>
        conversations.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).First();

    /// <summary>A reply to a conversation closed for longer than the window starts a new one (that links it).</summary>
    private bool StartsAfresh(ConversationState conversation) =>
        conversation is { Status: ConversationStatus.Closed, ClosedAt: { } closedAt } && time.GetUtcNow() - closedAt > options.Window;

    private ThreadDecision Join(IncomingMessage message, ConversationState conversation, ThreadMatch match, IReadOnlyCollection<string> abandoned,
        IReadOnlyList<string>? absorbs = null, IReadOnlyList<string>? unknownReferences = null) =>
        StartsAfresh(conversation)
            ? Start(message, match, abandoned, linked: conversation.Id, claimParents: false)
            : new ThreadDecision.Existing(conversation.Id, match, absorbs is { Count: > 0 } ? absorbs : null,
                unknownReferences is { Count: > 0 } ? unknownReferences : null, abandoned.Count > 0 ? abandoned : null);

    /// <summary>
    /// A new conversation claims the keys that a related message processed at the same moment would look up:
    /// its parents (oldest first, so two children of one thread collide on the first) and its own Message-ID.
    /// </summary>
    private static ThreadDecision.New Start(IncomingMessage message, ThreadMatch match, IReadOnlyCollection<string> abandoned, string? linked,
        ThreadKey? extraClaim = null, bool claimParents = true)
    {
        var claims = new List<ThreadKey>();
        if (extraClaim is not null)
        {
            claims.Add(extraClaim);
        }
        if (claimParents)
        {
            claims.AddRange(message.ParentIds().Reverse().Select(ThreadKey.ForMessageId));
        }
        claims.Add(ThreadKey.ForMessageId(message.Email.MessageId));
        return new ThreadDecision.New(ConversationIds.ForFirstMessage(message.Email.MessageId), match, linked, claims,
            abandoned.Count > 0 ? abandoned : null);
    }

    /// <summary>
    /// The conversation a key leads to. A key whose conversation is not written yet belongs to a message being processed
    /// right now: wait for it (<see cref="ConversationNotReadyException"/> makes the queue retry) unless it is old enough
    /// to have been abandoned by a crash — or unless it is this message's own claim from a delivery that died before
    /// writing its conversation: waiting for itself, the message would only burn its retries into the poison queue.
    /// Such a claim is noted as abandoned, so that the message's decision takes it over (see <see cref="ThreadDecision.New.Abandoned"/>).
    /// </summary>
    private async Task<ConversationState?> ConversationOfAsync(
        ThreadKeyTarget target, IncomingMessage message, TrackedLookup lookup, CancellationToken cancellationToken)
    {
        if (target.ConversationId.Length == 0)
        {
            return null;
        }
        var conversation = await lookup.GetConversationAsync(target.ConversationId, cancellationToken);
        var ownClaim = target.ConversationId == ConversationIds.ForFirstMessage(message.Email.MessageId);
        if (conversation is null && !ownClaim && time.GetUtcNow() - target.UpdatedAt < CreationGrace)
        {
            throw new ConversationNotReadyException(target.ConversationId);
        }
        if (conversation is null && target.Role == ThreadKeyRole.Referenced)
        {
            lookup.Abandoned.Add(target.ConversationId);
        }
        return conversation;
    }

    /// <summary>The reads of one resolution, and the abandoned conversations they met (claimed keys, no conversation).</summary>
    private sealed class TrackedLookup(IThreadLookup reads) : IThreadLookup
    {
        public HashSet<string> Abandoned { get; } = new(StringComparer.Ordinal);

        public Task<ThreadKeyTarget?> FindAsync(ThreadKey key, CancellationToken cancellationToken = default) => reads.FindAsync(key, cancellationToken);

        public Task<ConversationState?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
            reads.GetConversationAsync(conversationId, cancellationToken);
    }
}

/// <summary>A related message is still being written; retrying a little later will find its conversation.</summary>
public sealed class ConversationNotReadyException(string conversationId)
    : Exception($"Conversation {conversationId} is being created by another message; retry shortly.");
