using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Replies;

/// <summary>Who is replying: the agent's id, role and name (the name goes into the From line).</summary>
public sealed record ReplyAuthor(string AgentId, string Role, string? Name);

public sealed record ReplyAttachment(string Name, string ContentType, byte[] Content);

/// <summary>A validated reply, ready for <see cref="ReplySender"/> (not a saved draft: those are <c>Drafts/</c>).
/// <paramref name="StatusAfter"/>: open | pending | closed.</summary>
public sealed record OutgoingReply(string Text, string? Html, IReadOnlyList<string> Cc, IReadOnlyList<ReplyAttachment> Attachments, string StatusAfter);

/// <summary>What became of a reply handed to <see cref="ReplySender"/>.</summary>
public abstract record ReplyOutcome
{
    /// <param name="Version">The conversation's version after the reply (for the next If-Match).</param>
    /// <param name="Repeated">The same reply (same idempotency key) had already been accepted: nothing new was sent.</param>
    public sealed record Accepted(MessageEntity Message, int Version, bool Repeated) : ReplyOutcome;

    public sealed record NoConversation : ReplyOutcome;

    /// <summary>The conversation has no customer address to write to (its first mail had no readable From).</summary>
    public sealed record NoRecipient : ReplyOutcome;

    /// <summary>The conversation moved on since the version the agent saw: nothing was sent.</summary>
    public sealed record Stale(int CurrentVersion, IReadOnlyList<MessageEntity> Missed) : ReplyOutcome;

    /// <summary>Trainees do not send; their replies wait for approval.</summary>
    public sealed record TraineeMustSubmitDraft : ReplyOutcome;
}
