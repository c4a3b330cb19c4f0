using Switchboard.Core.Conversations;

namespace Switchboard.Core.Threading;

/// <summary>The reads the resolver needs; storage implements them as point reads.</summary>
public interface IThreadLookup
{
    Task<ThreadKeyTarget?> FindAsync(ThreadKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Null when no conversation with this id has been written (yet). A conversation merged into another answers as
    /// the one it was merged into (its id keeps working).
    /// </summary>
    Task<ConversationState?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>What threading needs to know of a conversation. <paramref name="CreatedAt"/> decides which of two
/// conversations one message links is the older, that the younger folds into.</summary>
public sealed record ConversationState(
    string Id,
    string Mailbox,
    string CustomerEmail,
    ConversationStatus Status,
    DateTimeOffset? ClosedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset CreatedAt = default);
