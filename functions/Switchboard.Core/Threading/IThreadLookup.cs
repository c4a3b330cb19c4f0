using Switchboard.Core.Conversations;

namespace Switchboard.Core.Threading;

/// <summary>The reads the resolver needs; storage implements them as point reads.</summary>
public interface IThreadLookup
{
    Task<ThreadKeyTarget?> FindAsync(ThreadKey key, CancellationToken cancellationToken = default);

    /// <summary>Null when no conversation with this id has been written (yet).</summary>
    Task<ConversationState?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>What threading needs to know of a conversation.</summary>
public sealed record ConversationState(
    string Id,
    string Mailbox,
    string CustomerEmail,
    ConversationStatus Status,
    DateTimeOffset? ClosedAt,
    DateTimeOffset LastActivityAt);
