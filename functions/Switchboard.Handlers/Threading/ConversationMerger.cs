using Switchboard.Core.Events;
using Switchboard.Storage.Events;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Conversations;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Escalation;
using Switchboard.Storage.Search;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Customers;
using Switchboard.Storage.Drafts;
using Switchboard.Storage.Escalation;

namespace Switchboard.Handlers.Threading;

/// <summary>
/// Folds a younger conversation into an older one when a message links the two (it references messages of both, or a
/// parent arrived after its replies had started their own conversation): no split survives. Every row of the younger
/// (messages, notes, calls, drafts) is copied into the older's partition; the older takes in the younger
/// (<see cref="Conversation.Absorb"/>, written by the <see cref="ConversationUpdater"/> like any head change); search,
/// customer history and escalation follow; then the younger's head is marked <see cref="Conversation.MergedInto"/>, so
/// its id stays an alias (threading, every write and <c>GET /api/conversations/{id}</c> follow it), and it leaves the inbox.
/// </summary>
/// <remarks>
/// Safe to run twice and alongside writers. Copies are upserts and the older's message count is counted from its rows,
/// so doing it again adds nothing. The younger is marked only if its head is unchanged since its rows were read: a
/// message written into it meanwhile makes the copy run again, and once it is marked every writer follows the alias.
/// A writer that moved the younger's inbox rows after the merge removed them sees the alias and removes them itself
/// (<see cref="ConversationUpdater"/>). A merge that cannot finish (the older kept changing, a crash) fails the message,
/// whose redelivery finds the link again (<see cref="Core.Threading.ThreadDecision.Duplicate"/>) and finishes it.
/// </remarks>
public sealed class ConversationMerger(
    ConversationStore conversations,
    ConversationUpdater updater,
    InboxIndex inbox,
    ConversationIndexer search,
    CustomerStore customers,
    EscalationStore escalations,
    EscalationEngine escalation,
    MessageContentStore content,
    EventQueue events,
    TimeProvider time,
    ILogger<ConversationMerger> logger)
{
    /// <summary>How often the younger may change under a merge before the message is left to the queue's retry.</summary>
    private const int MaxAttempts = 10;

    /// <summary>
    /// Makes one conversation of <paramref name="conversationId"/> and each of <paramref name="linkedIds"/>: the younger
    /// (by creation, then id) of each pair folds into the older. Returns the id they all stand for.
    /// </summary>
    /// <exception cref="ConversationNotReadyException">
    /// A linked conversation is not written yet: a message processed at this moment claimed its keys and is writing it.
    /// The message is threaded again shortly (and its redelivery would find the link again), so the merge is not lost.
    /// </exception>
    public async Task<string> LinkAsync(string conversationId, IReadOnlyList<string> linkedIds, CancellationToken cancellationToken = default)
    {
        foreach (var other in linkedIds.Distinct(StringComparer.Ordinal))
        {
            // Until both ids lead to one conversation: the younger may be folded into a third by another message at
            // the same moment, and then that one and this message's are merged in turn.
            for (var round = 0; ; round++)
            {
                var a = await conversations.GetLiveHeadAsync(conversationId, cancellationToken)
                    ?? throw new InvalidOperationException($"Conversation {conversationId} has no head row.");
                var b = await conversations.GetLiveHeadAsync(other, cancellationToken) ?? throw new ConversationNotReadyException(other);
                conversationId = a.PartitionKey;
                if (a.PartitionKey == b.PartitionKey)
                {
                    break;
                }
                if (round == MaxAttempts)
                {
                    throw new InvalidOperationException($"Conversations {a.PartitionKey} and {b.PartitionKey} kept being merged elsewhere; the message will be retried.");
                }
                var (older, younger) = IsOlder(a, b) ? (a, b) : (b, a);
                conversationId = await MergeAsync(younger.PartitionKey, older.PartitionKey, cancellationToken);
            }
        }
        return conversationId;
    }

    private static bool IsOlder(ConversationEntity a, ConversationEntity b) =>
        a.CreatedAt < b.CreatedAt || (a.CreatedAt == b.CreatedAt && string.CompareOrdinal(a.PartitionKey, b.PartitionKey) < 0);

    /// <summary>
    /// Merges <paramref name="youngerId"/> into <paramref name="olderId"/>; returns the id the older now stands for. When
    /// the younger was merged elsewhere meanwhile, that is left to the caller (<see cref="LinkAsync"/> links again).
    /// </summary>
    private async Task<string> MergeAsync(string youngerId, string olderId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
            {
                // The younger changed under the copy: give its writer a moment. Wall-clock on purpose (not business time).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + 10 * attempt)), cancellationToken);
            }
            var target = await conversations.GetLiveHeadAsync(olderId, cancellationToken);
            var source = await conversations.GetHeadAsync(youngerId, cancellationToken);
            if (target is null || source is null || source.PartitionKey == target.PartitionKey)
            {
                return target?.PartitionKey ?? olderId;
            }
            if (source.MergedInto is { Length: > 0 })
            {
                return target.PartitionKey; // merged elsewhere meanwhile (its rows may be here too: copies are upserts)
            }

            // The rows are read after the head: anything added after the head was read changes it, and the mark below fails.
            var rows = await conversations.GetItemRowsAsync(source.PartitionKey, cancellationToken);
            await conversations.CopyItemRowsAsync(target.PartitionKey, rows, cancellationToken);
            var younger = source.ToSnapshot();
            var absorbed = await updater.UpdateAsync(target.PartitionKey, async (conversation, token) =>
            {
                if (conversation.Id != target.PartitionKey)
                {
                    return ConversationEdit.Decline; // the older was merged itself meanwhile: copy into where it went
                }
                conversation.Absorb(younger, await conversations.CountEmailsAsync(conversation.Id, token));
                return ConversationEdit.HeadOnly;
            }, cancellationToken);
            if (absorbed is not { Outcome: ConversationWriteOutcome.Written, Conversation: var merged })
            {
                continue;
            }
            await ReindexAsync(merged, rows, cancellationToken);
            await RelinkPeopleAsync(source, merged, cancellationToken);
            await SettleEscalationAsync(source.PartitionKey, merged.Id, cancellationToken);
            if (!await updater.MarkMergedAsync(source, merged.Id, time.GetUtcNow(), cancellationToken))
            {
                continue; // something was written to the younger meanwhile: copy again
            }
            await FinishAsync(source, merged, [.. rows.Where(r => r.RowKey.StartsWith('d'))], cancellationToken);
            logger.LogInformation("Conversation {Younger} merged into {Older} ({Rows} rows).", source.PartitionKey, merged.Id, rows.Count);
            return merged.Id;
        }
        throw new InvalidOperationException($"Conversation {youngerId} kept changing while being merged into {olderId}; the message will be retried.");
    }

    /// <summary>
    /// Finishes merges that a crash (or storage going away) cut off after the younger was marked an alias: its inbox
    /// rows, drafts and merge event were still to go. The message's redelivery finds the alias leading to the same
    /// conversation, so <see cref="LinkAsync"/> has nothing left to merge; it passes the aliases its threading met here.
    /// Every step is idempotent: an alias finished already costs a head read, its drafts' range query, three deletes of
    /// absent rows and its merge event again (the same id).
    /// </summary>
    public async Task FinishMergesAsync(IEnumerable<string> aliasIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in aliasIds.Distinct(StringComparer.Ordinal))
        {
            if (await conversations.GetHeadAsync(id, cancellationToken) is { MergedInto.Length: > 0 } alias
                && await conversations.GetLiveHeadAsync(alias.MergedInto, cancellationToken) is { } survivor)
            {
                await FinishAsync(alias, survivor.ToConversation(), await conversations.GetDraftRowsAsync(id, cancellationToken), cancellationToken);
            }
        }
    }

    /// <summary>What follows the mark: the younger leaves the inbox, its drafts move, and metrics hear of the merge.</summary>
    private async Task FinishAsync(ConversationEntity younger, Conversation survivor, IReadOnlyList<Azure.Data.Tables.TableEntity> drafts,
        CancellationToken cancellationToken)
    {
        // An inbox move of the younger's from before the mark is removed here, one after it by its writer.
        await inbox.RemoveAsync(younger, cancellationToken);
        // Copied again as they are now: a draft edited through the alias since the merge copied it keeps the edit.
        await conversations.CopyItemRowsAsync(survivor.Id, drafts, cancellationToken);
        await MoveDraftsAsync(drafts, survivor.Id, cancellationToken);
        // For metrics: two conversations were one problem (a redelivered merge publishes the same event id again).
        await events.PublishAsync(new DomainEvent($"{younger.PartitionKey}-merged", DomainEventTypes.ConversationMerged, time.GetUtcNow(),
            younger.PartitionKey, null, survivor.Mailbox, survivor.CustomerEmail, Automatic: false, Flags: []), cancellationToken);
    }

    /// <summary>
    /// Drafts leave the younger once it is an alias: one draft, one row, so a draft can never be approved twice. One
    /// changed since it was copied (an edit, a claim) is copied again first; a writer that finds it gone reads it again
    /// through the old id, which leads to the copy (<see cref="DraftStore"/>).
    /// </summary>
    private async Task MoveDraftsAsync(IReadOnlyList<Azure.Data.Tables.TableEntity> rows, string survivorId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Azure.Data.Tables.TableEntity> drafts = [.. rows.Where(r => r.RowKey.StartsWith('d'))];
        for (var attempt = 0; drafts.Count > 0; attempt++)
        {
            if (attempt == MaxAttempts)
            {
                logger.LogWarning("{Count} draft(s) of {Conversation} kept changing while being moved to {Survivor}; left there.",
                    drafts.Count, drafts[0].PartitionKey, survivorId);
                return;
            }
            drafts = await conversations.RemoveCopiedRowsAsync(drafts, cancellationToken);
            await conversations.CopyItemRowsAsync(survivorId, drafts, cancellationToken);
        }
    }

    private async Task ReindexAsync(Conversation target, IReadOnlyList<Azure.Data.Tables.TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Where(r => r.RowKey.StartsWith('m')))
        {
            var message = await conversations.GetOwnMessageAsync(target.Id, row.RowKey, cancellationToken);
            if (message is null)
            {
                continue;
            }
            var text = message.BodyBlobName is { } blob && message.VisibleText is null
                ? (await content.ReadBodyAsync(blob, cancellationToken)).VisibleText
                : null;
            await search.IndexAsync(target, message, text, conversationTerms: false, cancellationToken);
        }
        await search.IndexAsync(target, new MessageEntity { Direction = "outbound" }, "", conversationTerms: true, cancellationToken);
    }

    private async Task RelinkPeopleAsync(ConversationEntity source, Conversation target, CancellationToken cancellationToken)
    {
        var people = source.ToConversation().Participants.Select(p => p.Email).Append(source.CustomerEmail)
            .Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var email in people)
        {
            await customers.RelinkConversationAsync(email, source.PartitionKey, target.Id, target.LastActivityAt, cancellationToken);
        }
    }

    /// <summary>
    /// One escalation per conversation: the younger's stops when the older has its own running; otherwise it goes on,
    /// deciding on the merged conversation (the engine follows the alias), so paging neither doubles nor stops early.
    /// </summary>
    private async Task SettleEscalationAsync(string youngerId, string olderId, CancellationToken cancellationToken)
    {
        if (await escalations.GetAsync(olderId, cancellationToken) is { State: EscalationStates.Active })
        {
            await escalation.StopAsync(youngerId, EscalationStates.Resolved, $"merged into {olderId}", null, cancellationToken);
        }
    }
}
