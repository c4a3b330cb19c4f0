using Polly;
using Polly.Retry;
using Switchboard.Core.Conversations;
using Switchboard.Storage.Search;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// The one way a conversation is changed: read its head into a <see cref="Conversation"/>, let a rule change it (and
/// say which item, if any, to add with it), write both in one transaction only if nobody wrote the head meanwhile —
/// else read again and re-apply, under one retry policy — then move its inbox rows and index the item for search.
/// A write addressed to a conversation that was merged into another (an alias, <see cref="Conversation.MergedInto"/>)
/// acts on the conversation it was merged into: nothing is ever added to an alias.
/// </summary>
public sealed class ConversationUpdater(ConversationStore conversations, InboxIndex inbox, ConversationIndexer search)
{
    /// <summary>
    /// Writers of one busy conversation (mail arriving while two agents reply) take turns. The spacing is wall-clock
    /// on purpose: it is not business time, and a test's fake clock must not stall it.
    /// </summary>
    private static readonly ResiliencePipeline<bool> UntilHeadUnchanged = new ResiliencePipelineBuilder<bool>()
        .AddRetry(new RetryStrategyOptions<bool>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome is { Exception: null, Result: false }),
            MaxRetryAttempts = 30,
            BackoffType = DelayBackoffType.Linear,
            Delay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(250),
            UseJitter = true,
        })
        .Build();

    /// <summary>Changes an existing conversation (or the one it was merged into); null when there is none.</summary>
    /// <param name="change">
    /// Applies a rule to the conversation just read and says what to write (<see cref="ConversationEdit"/>). Called
    /// again on every retry, with fresh state, so it must depend only on the conversation it is given.
    /// </param>
    public Task<ConversationUpdate?> UpdateAsync(
        string conversationId, Func<Conversation, ConversationEdit> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(conversationId, (conversation, _) => Task.FromResult(change(conversation)), cancellationToken);

    /// <summary>
    /// As <see cref="UpdateAsync(string, Func{Conversation, ConversationEdit}, CancellationToken)"/>, for a rule that
    /// needs to read rows of the conversation on every try (a merge counts its messages after copying rows in); it
    /// writes nothing itself.
    /// </summary>
    public async Task<ConversationUpdate?> UpdateAsync(
        string conversationId, Func<Conversation, CancellationToken, Task<ConversationEdit>> change, CancellationToken cancellationToken = default)
    {
        var update = await WriteAsync(conversationId, start: null, knownHead: null, change, cancellationToken);
        if (update is { Outcome: ConversationWriteOutcome.Written, Item: { } item })
        {
            // Replies, notes and calls are searchable as soon as they are written.
            await search.IndexAsync(update.Conversation, item, itemText: null, conversationTerms: false, cancellationToken);
        }
        return update;
    }

    /// <summary>
    /// Changes a conversation (or the one it was merged into), or starts it with <paramref name="start"/> when it has no
    /// head yet (inbound mail). The caller indexes the item itself (it knows text the row may not hold). Null when there
    /// is no conversation and nothing to start.
    /// </summary>
    /// <param name="knownHead">The head as the caller just read it, if it did: the first try saves reading it again.</param>
    public Task<ConversationUpdate?> WriteAsync(string conversationId, Func<Conversation>? start, ConversationEntity? knownHead,
        Func<Conversation, ConversationEdit> change, CancellationToken cancellationToken = default) =>
        WriteAsync(conversationId, start, knownHead, (conversation, _) => Task.FromResult(change(conversation)), cancellationToken);

    /// <summary>
    /// Marks <paramref name="younger"/> as folded into <paramref name="survivorId"/> (a merge, once its rows were copied
    /// there), only if its head is still as it was read: false, writing nothing, when anything was written to it since —
    /// the merge then copies again. The one head write without the retry policy, as re-applying it to fresh state would
    /// hide what was added.
    /// </summary>
    public async Task<bool> MarkMergedAsync(ConversationEntity younger, string survivorId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var alias = younger.ToConversation();
        alias.MergeInto(survivorId, at);
        return await conversations.TryReplaceHeadAsync(alias.ToEntity(younger.ETag), cancellationToken);
    }

    private async Task<ConversationUpdate?> WriteAsync(string conversationId, Func<Conversation>? start, ConversationEntity? knownHead,
        Func<Conversation, CancellationToken, Task<ConversationEdit>> change, CancellationToken cancellationToken)
    {
        ConversationUpdate? update = null;
        ConversationEntity? before = null;
        var unread = knownHead;
        var settled = await UntilHeadUnchanged.ExecuteAsync(async token =>
        {
            var head = unread ?? await conversations.GetHeadAsync(conversationId, token);
            unread = null;
            if (head?.MergedInto is { Length: > 0 } survivor)
            {
                head = await conversations.GetLiveHeadAsync(survivor, token);
            }
            if (head is null && start is null)
            {
                update = null;
                return true;
            }
            var conversation = head?.ToConversation() ?? start!();
            var edit = await change(conversation, token);
            if (edit.Declined)
            {
                update = new ConversationUpdate(head?.ToConversation() ?? conversation, ConversationWriteOutcome.Declined, null, Created: false);
                return true;
            }
            var entity = conversation.ToEntity(head?.ETag ?? default);
            (entity.PreviousStatus, entity.PreviousIndexRowKey, entity.PreviousAssigneeId) = (head?.Status, head?.IndexRowKey, head?.AssigneeId);
            if (edit.Item is { } item)
            {
                item.PartitionKey = conversation.Id;
                switch (await conversations.AppendAsync(entity, item, isNewConversation: head is null, token))
                {
                    case AppendOutcome.HeadChanged:
                        return false;
                    case AppendOutcome.AlreadyStored:
                        update = new ConversationUpdate(head?.ToConversation() ?? conversation, ConversationWriteOutcome.ItemAlreadyStored, item, Created: false);
                        return true;
                }
            }
            else if (head is null)
            {
                throw new InvalidOperationException($"Conversation {conversationId} would start without an item.");
            }
            else if (!await conversations.TryReplaceHeadAsync(entity, token))
            {
                return false;
            }
            before = head;
            update = new ConversationUpdate(conversation, ConversationWriteOutcome.Written, edit.Item, Created: head is null);
            return true;
        }, cancellationToken);

        if (!settled)
        {
            throw new InvalidOperationException($"Conversation {conversationId} kept changing; try again.");
        }
        if (update is { Outcome: ConversationWriteOutcome.Written })
        {
            await MoveInboxRowsAsync(update.Conversation, before, cancellationToken);
        }
        return update;
    }

    /// <summary>
    /// Moves the conversation's inbox rows from where <paramref name="before"/> (the head as read before the write;
    /// null for a new conversation or a redelivery's repair) left them, then settles them against the head as it is
    /// now: another writer may have written it since (its rows may have moved before these landed), or a merge may
    /// have folded it into another (it removes the younger's rows after marking it; rows moved here after that are
    /// removed here).
    /// </summary>
    public Task MoveInboxRowsAsync(Conversation conversation, ConversationEntity? before, CancellationToken cancellationToken = default) =>
        MoveInboxRowsAsync(conversation, before?.Status, before?.IndexRowKey, before?.AssigneeId, cancellationToken);

    /// <summary>
    /// A redelivery's repair: places the rows of the head as stored and removes those of the write before it, which a
    /// delivery that died between its head write and its inbox move left behind.
    /// </summary>
    public Task RepairInboxRowsAsync(ConversationEntity stored, CancellationToken cancellationToken = default) =>
        MoveInboxRowsAsync(stored.ToConversation(), stored.PreviousStatus, stored.PreviousIndexRowKey, stored.PreviousAssigneeId, cancellationToken);

    private async Task MoveInboxRowsAsync(Conversation conversation, string? previousStatus, string? previousRowKey, string? previousAssigneeId,
        CancellationToken cancellationToken)
    {
        var placed = await inbox.MoveAsync(conversation, previousStatus, previousRowKey, previousAssigneeId, cancellationToken);
        var current = await conversations.GetHeadAsync(conversation.Id, cancellationToken);
        await inbox.SettleAsync(placed, conversation, current?.ToConversation(), cancellationToken);
    }
}

/// <summary>What a rule asks the updater to write.</summary>
public sealed record ConversationEdit(MessageEntity? Item, bool Declined)
{
    /// <summary>Write the changed head only (status, assignment, tags): the version stays.</summary>
    public static ConversationEdit HeadOnly { get; } = new(null, false);

    /// <summary>Write nothing: the change no longer applies (a stale reply, a wake-up for a snooze that ended).</summary>
    public static ConversationEdit Decline { get; } = new(null, true);

    /// <summary>Write the changed head and add <paramref name="item"/> (a message, note or call) in the same transaction.</summary>
    public static ConversationEdit Add(MessageEntity item) => new(item, false);
}

public enum ConversationWriteOutcome
{
    Written,

    /// <summary>The rule declined; nothing was written.</summary>
    Declined,

    /// <summary>The item is in the conversation already (a retry or redelivery); nothing was written.</summary>
    ItemAlreadyStored,
}

/// <param name="Conversation">
/// As written; as last read when nothing was written. Its id is where the write went: the one given or, when that was
/// merged into another, the survivor.
/// </param>
/// <param name="Created">This write started the conversation.</param>
public sealed record ConversationUpdate(Conversation Conversation, ConversationWriteOutcome Outcome, MessageEntity? Item, bool Created);
