using Switchboard.Handlers.Search;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.Conversations;

/// <summary>
/// The one way the team changes a conversation (reply, note, call, status, assignment, tags): read the head, apply the
/// change, write it back only if nobody wrote it meanwhile (else read again and re-apply), then move its inbox rows.
/// Inbound mail has its own writer (<c>ConversationWriter</c>) because threading decides more than the head.
/// </summary>
public sealed class ConversationUpdater(ConversationStore conversations, InboxIndex inbox, ConversationIndexer search)
{
    private const int MaxAttempts = 20;

    /// <param name="change">
    /// Applies the change to the head just read and returns the item to add with it (null: head only), or throws
    /// <see cref="ConversationChangeRefused"/> to stop without writing. Called again on every retry, so it must only
    /// depend on the head it is given.
    /// </param>
    /// <returns>The head as written, or null when there is no such conversation.</returns>
    public async Task<ConversationEntity?> UpdateAsync(
        string conversationId, Func<ConversationEntity, MessageEntity?> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
            {
                // Wall-clock jitter between writers of one busy conversation; not business time.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + 10 * attempt)), cancellationToken);
            }
            var head = await conversations.GetHeadAsync(conversationId, cancellationToken);
            if (head is null)
            {
                return null;
            }
            var (previousStatus, previousRowKey, previousAssignee) = (head.Status, head.IndexRowKey, head.AssigneeId);
            var item = change(head);
            if (item is not null)
            {
                item.PartitionKey = conversationId;
                head.Version++;
            }
            head.IndexRowKey = InboxIndex.RowKeyFor(head.LastActivityAt, head.PartitionKey);

            var written = item is null
                ? await conversations.TryReplaceHeadAsync(head, cancellationToken)
                : await conversations.AppendAsync(head, item, isNewConversation: false, cancellationToken) switch
                {
                    AppendOutcome.Appended => true,
                    AppendOutcome.HeadChanged => false,
                    _ => throw new ConversationChangeRefused(409, $"Item {item.RowKey} is already in the conversation."),
                };
            if (written)
            {
                await inbox.MoveAsync(head, previousStatus, previousRowKey, previousAssignee, cancellationToken);
                if (item is not null)
                {
                    // Replies, notes and calls are searchable as soon as they are written.
                    await search.IndexAsync(head, item, itemText: null, conversationTerms: false, cancellationToken);
                }
                return head;
            }
        }
        throw new InvalidOperationException($"Conversation {conversationId} kept changing; try again.");
    }
}

/// <summary>Thrown by a change that must not be written; handlers turn it into the problem response.</summary>
public sealed class ConversationChangeRefused(int status, string detail, object? extension = null) : Exception(detail)
{
    public int Status { get; } = status;

    /// <summary>Extra data for the problem body (e.g. the messages a stale reply did not see).</summary>
    public object? Extension { get; } = extension;
}
