namespace Switchboard.Core.Threading;

/// <summary>How a message was matched to its conversation; shown to agents and kept for diagnosis.</summary>
public enum ThreadMatch
{
    None,
    References,
    ReplyAddress,
    ReferencedByLaterMessage,
    ThreadIndex,
    Subject,
    BroadcastReply,
    AutomaticMail,
    Bounce,
}

/// <summary>The resolver's answer for one inbound message.</summary>
public abstract record ThreadDecision
{
    private ThreadDecision() { }

    /// <summary>
    /// This Message-ID is already stored (a redelivery): nothing to write. <paramref name="Links"/>: other conversations
    /// it links, which must be merged with <paramref name="ConversationId"/>; empty once that was done, so a redelivery
    /// finishes a merge that an earlier delivery could not (it failed, or the other conversation was still being written).
    /// </summary>
    public sealed record Duplicate(string ConversationId, IReadOnlyList<string> Links) : ThreadDecision;

    /// <summary>
    /// Append to an existing conversation. <paramref name="Absorbs"/>: other conversations the message links (it references
    /// messages of each): they are younger and fold into this one once the message is written, so no split survives.
    /// <paramref name="UnknownReferences"/>: Message-IDs the message references that lead nowhere yet (a parent still to
    /// come, or a ghost never received): registered for this conversation so later messages naming them find it.
    /// </summary>
    /// <paramref name="Abandoned"/>: conversations some of those keys were claimed for but that were never written (the
    /// delivery that claimed them died, see <see cref="New.Abandoned"/>): their claims are taken over.
    public sealed record Existing(string ConversationId, ThreadMatch Match, IReadOnlyList<string>? Absorbs = null,
        IReadOnlyList<string>? UnknownReferences = null, IReadOnlyCollection<string>? Abandoned = null) : ThreadDecision;

    /// <summary>
    /// Start a conversation. <paramref name="Claims"/> must be taken (insert-only, in order) before it is written,
    /// so that two related messages processed at the same moment cannot start two conversations. <paramref name="Abandoned"/>:
    /// conversations that keys lead to but that do not exist, claimed by this message's own earlier delivery or long
    /// enough ago that whoever claimed them died: a claim of theirs is taken over rather than waited for.
    /// </summary>
    public sealed record New(string ConversationId, ThreadMatch Match, string? LinkedConversationId, IReadOnlyList<ThreadKey> Claims,
        IReadOnlyCollection<string>? Abandoned = null) : ThreadDecision;

    /// <summary>Kept as raw mail and recorded, but no conversation: e.g. the bounce of a notification we sent a teammate.</summary>
    public sealed record NoConversation(string Reason) : ThreadDecision;
}
