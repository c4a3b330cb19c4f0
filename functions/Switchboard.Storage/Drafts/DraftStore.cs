using System.Security.Cryptography;
using Switchboard.Core.Conversations;
using Switchboard.Storage.Conversations;

namespace Switchboard.Storage.Drafts;

/// <summary>
/// Drafts live in their conversation's partition of <c>Conversations</c> (RowKey <c>d…</c>); <c>DraftQueue</c> lists
/// them: partition <c>submitted</c> (the approval queue, oldest first) and <c>agent-{id}</c> (an author's own, newest
/// first). The draft row is the truth and is written first; the list rows follow it. A conversation merged into another
/// keeps no drafts: they are moved with its rows, and a draft addressed by the old id is found, listed and added there.
/// </summary>
public sealed class DraftStore(StorageAccount storage, ConversationStore conversations)
{
    public const string QueuePartition = "submitted";

    private TableClient Conversations => storage.Table(StorageLayout.ConversationsTable);
    private TableClient Queue => storage.Table(StorageLayout.DraftQueueTable);

    public static string NewRowKey() => "d" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>The draft's id in the API: its RowKey and its conversation, so every route finds it with a point read.</summary>
    public static string PublicId(string conversationId, string rowKey) => $"{rowKey}-{conversationId}";

    public static bool TryParseId(string id, out string conversationId, out string rowKey)
    {
        (conversationId, rowKey) = ("", "");
        var parts = id.Split('-');
        if (parts.Length != 2 || parts[0].Length != 17 || parts[0][0] != 'd' || !parts[0].Skip(1).All(char.IsAsciiHexDigitLower)
            || !Core.Conversations.ConversationIds.IsConversationId(parts[1]))
        {
            return false;
        }
        (rowKey, conversationId) = (parts[0], parts[1]);
        return true;
    }

    public static string AuthorPartition(string agentId) => "agent-" + KeyEncoding.Escape(agentId);

    /// <summary>The draft; one of a merged conversation is looked up where it was moved (one more read, on a miss only).</summary>
    public async Task<DraftEntity?> GetAsync(string conversationId, string rowKey, CancellationToken cancellationToken = default)
    {
        var draft = await Conversations.GetEntityIfExistsAsync<DraftEntity>(conversationId, rowKey, cancellationToken: cancellationToken);
        if (draft.HasValue)
        {
            return draft.Value;
        }
        return await conversations.GetHeadAsync(conversationId, cancellationToken) is { MergedInto: { Length: > 0 } survivorId }
            && await conversations.GetLiveHeadAsync(survivorId, cancellationToken) is { } survivor
            ? await GetAsync(survivor.PartitionKey, rowKey, cancellationToken)
            : null;
    }

    /// <summary>The conversation's drafts (or the one's it was merged into): one range query of its partition (RowKey d..e).</summary>
    public async Task<IReadOnlyList<DraftEntity>> ListForConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        conversationId = (await conversations.GetLiveHeadAsync(conversationId, cancellationToken))?.PartitionKey ?? conversationId;
        var drafts = new List<DraftEntity>();
        await foreach (var draft in Conversations.QueryAsync<DraftEntity>(
            e => e.PartitionKey == conversationId && e.RowKey.CompareTo("d") >= 0 && e.RowKey.CompareTo("e") < 0, cancellationToken: cancellationToken))
        {
            drafts.Add(draft);
        }
        return drafts;
    }

    /// <summary>Adds the draft to its conversation or, when that was merged into another, to the survivor.</summary>
    public async Task AddAsync(DraftEntity draft, CancellationToken cancellationToken = default)
    {
        draft.PartitionKey = (await conversations.GetLiveHeadAsync(draft.PartitionKey, cancellationToken))?.PartitionKey ?? draft.PartitionKey;
        var response = await Conversations.AddEntityAsync(draft, cancellationToken);
        draft.ETag = response.Headers.ETag ?? draft.ETag;
    }

    /// <summary>Replaces the draft if nobody changed it since it was read; false when someone did (or it is gone).</summary>
    public async Task<bool> TryReplaceAsync(DraftEntity draft, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Conversations.UpdateEntityAsync(draft, draft.ETag, TableUpdateMode.Replace, cancellationToken);
            draft.ETag = response.Headers.ETag ?? draft.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Writes the author's list row and, while submitted, the approval-queue row (else removes it).</summary>
    public async Task IndexAsync(DraftEntity draft, string? previousQueueRowKey, CancellationToken cancellationToken = default)
    {
        var id = PublicId(draft.PartitionKey, draft.RowKey);
        await Queue.UpsertEntityAsync(Row(draft, AuthorPartition(draft.AuthorAgentId), draft.AuthorRowKey), TableUpdateMode.Replace, cancellationToken);
        if (previousQueueRowKey is not null && previousQueueRowKey != draft.QueueRowKey)
        {
            await Queue.DeleteEntityAsync(QueuePartition, previousQueueRowKey, ETag.All, cancellationToken);
        }
        if (draft.QueueRowKey is { } queueRowKey)
        {
            await Queue.UpsertEntityAsync(Row(draft, QueuePartition, queueRowKey), TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Oldest first: the draft that has waited longest is approved first.</summary>
    public static string QueueRowKeyFor(DateTimeOffset submittedAt, string draftId) => $"{submittedAt.UtcTicks:D19}-{draftId}";

    public static string AuthorRowKeyFor(DateTimeOffset createdAt, string draftId) => $"{KeyEncoding.NewestFirst(createdAt)}-{draftId}";

    /// <summary>The approval queue: one range query of partition <c>submitted</c>, oldest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<DraftQueueEntity>> ListSubmittedAsync(int limit, CancellationToken cancellationToken = default) =>
        ListPartitionAsync(QueuePartition, limit, cancellationToken);

    /// <summary>An author's drafts, newest first: one partition query.</summary>
    public Task<IReadOnlyList<DraftQueueEntity>> ListByAuthorAsync(string agentId, int limit, CancellationToken cancellationToken = default) =>
        ListPartitionAsync(AuthorPartition(agentId), limit, cancellationToken);

    private async Task<IReadOnlyList<DraftQueueEntity>> ListPartitionAsync(string partition, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<DraftQueueEntity>();
        await foreach (var row in Queue.QueryAsync<DraftQueueEntity>(e => e.PartitionKey == partition, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count >= limit)
            {
                break;
            }
        }
        return rows;
    }

    private static DraftQueueEntity Row(DraftEntity draft, string partition, string rowKey)
    {
        return new DraftQueueEntity
        {
            PartitionKey = partition,
            RowKey = rowKey,
            DraftId = PublicId(draft.PartitionKey, draft.RowKey),
            ConversationId = draft.PartitionKey,
            Subject = draft.Subject,
            State = draft.State,
            AuthorAgentId = draft.AuthorAgentId,
            AuthorName = draft.AuthorName,
            Preview = TextPreview.Of(draft.Text),
            SubmittedAt = draft.SubmittedAt,
            ReturnComment = draft.ReturnComment,
        };
    }
}
