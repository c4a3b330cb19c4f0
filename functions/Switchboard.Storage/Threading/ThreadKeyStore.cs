using Switchboard.Core.Threading;

namespace Switchboard.Storage.Threading;

/// <summary>
/// Table <c>ThreadKeys</c>: PartitionKey = "{kind}-{hash}", RowKey = "". Every look-up the resolver makes is one point read.
/// </summary>
public sealed class ThreadKeyStore(StorageAccount storage, TimeProvider time)
{
    private TableClient Table => storage.Table(StorageLayout.ThreadKeysTable);

    public async Task<ThreadKeyTarget?> FindAsync(ThreadKey key, CancellationToken cancellationToken = default) =>
        await FindEntityAsync(key, cancellationToken) is { } found ? Target(found) : null;

    /// <summary>Points the key at the conversation, whatever it pointed at before.</summary>
    public Task RegisterAsync(ThreadKey key, string conversationId, ThreadKeyRole role, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(Entity(key, conversationId, role), TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Points the key at the conversation unless it already points somewhere: how a message's references, including
    /// ghosts (Message-IDs we never receive), lead later messages that name them to its conversation. Returns where the
    /// key already pointed (null when this call set it): a different conversation there is one to merge with.
    /// </summary>
    public async Task<ThreadKeyTarget?> RegisterIfAbsentAsync(ThreadKey key, string conversationId, ThreadKeyRole role, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt <= MaxAttempts; attempt++)
        {
            if (await TryAddAsync(Entity(key, conversationId, role), cancellationToken))
            {
                return null;
            }
            if (await FindAsync(key, cancellationToken) is { } found)
            {
                return found;
            }
            // Deleted in between (a claim undone): try to take it again.
        }
        throw new InvalidOperationException($"Thread key {key.Kind} kept changing; the message will be retried.");
    }

    /// <summary>
    /// As <see cref="RegisterIfAbsentAsync"/> (role Referenced), but a key claimed for one of the
    /// <paramref name="abandoned"/> conversations (claimed by a delivery that died before writing it) is taken over,
    /// only as it was read (ETag): otherwise a thread would keep pointing at a conversation that never exists, and a
    /// message naming that key would wait for it or start a second conversation.
    /// </summary>
    public async Task<ThreadKeyTarget?> RegisterOrTakeOverAsync(ThreadKey key, string conversationId, IReadOnlyCollection<string>? abandoned,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt <= MaxAttempts; attempt++)
        {
            if (await TryAddAsync(Entity(key, conversationId, ThreadKeyRole.Referenced), cancellationToken))
            {
                return null;
            }
            if (await FindEntityAsync(key, cancellationToken) is not { } found)
            {
                continue; // a claim undone in between: add it again
            }
            if (found.Role != nameof(ThreadKeyRole.Referenced) || found.ConversationId == conversationId
                || abandoned is null || !abandoned.Contains(found.ConversationId))
            {
                return Target(found);
            }
            try
            {
                await Table.UpdateEntityAsync(Entity(key, conversationId, ThreadKeyRole.Referenced), found.ETag, TableUpdateMode.Replace, cancellationToken);
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Undone or taken by someone else meanwhile: read it again.
            }
        }
        throw new InvalidOperationException($"Thread key {key.Kind} kept changing; the message will be retried.");
    }

    /// <summary>
    /// Points a stored message's key at its conversation, and returns where it pointed before (null when it was new):
    /// a message processed at the same moment may have named this one as its parent for another conversation. That
    /// conversation stays on the row (<see cref="ThreadKeyTarget.PreviousConversationId"/>), so a redelivery can still
    /// merge the two if this delivery cannot finish. The key is taken only as it was read (ETag), so a claim undone or
    /// another write in between makes it read again rather than lose either.
    /// </summary>
    public async Task<ThreadKeyTarget?> RegisterStoredAsync(ThreadKey key, string conversationId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt <= MaxAttempts; attempt++)
        {
            var entity = Entity(key, conversationId, ThreadKeyRole.Stored);
            if (await TryAddAsync(entity, cancellationToken))
            {
                return null;
            }
            if (await FindEntityAsync(key, cancellationToken) is not { } found)
            {
                continue;
            }
            var previous = Target(found);
            if (previous.Role == ThreadKeyRole.Stored && previous.ConversationId == conversationId)
            {
                return previous; // stored already (a redelivery): nothing to change
            }
            entity.PreviousConversationId = previous.ConversationId != conversationId ? previous.ConversationId : previous.PreviousConversationId;
            try
            {
                await Table.UpdateEntityAsync(entity, found.ETag, TableUpdateMode.Replace, cancellationToken);
                return previous;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
            }
        }
        throw new InvalidOperationException($"Thread key {key.Kind} of conversation {conversationId} kept changing; the message will be retried.");
    }

    /// <summary>
    /// Takes each key for the conversation, insert-only and in order. Returns the first key already held by another
    /// conversation (after undoing this call's claims), or null when all are held by this one. A claim is undone only
    /// if it is unchanged: a message that took its own key over meanwhile keeps it.
    /// </summary>
    /// <param name="abandoned">
    /// Conversations threading found abandoned (claimed, never written): a claim of theirs is taken over, not yielded to.
    /// </param>
    public async Task<ThreadKey?> ClaimAsync(IReadOnlyList<ThreadKey> keys, string conversationId, IReadOnlyCollection<string>? abandoned = null,
        CancellationToken cancellationToken = default)
    {
        var taken = new List<ThreadKey>();
        foreach (var key in keys)
        {
            if (await RegisterOrTakeOverAsync(key, conversationId, abandoned, cancellationToken) is not { } holder)
            {
                taken.Add(key);
                continue;
            }
            if (holder.ConversationId == conversationId)
            {
                continue;
            }
            foreach (var mine in taken)
            {
                // Read back first: a claim is deleted only as this call left it (same holder, same ETag).
                if (await FindEntityAsync(mine, cancellationToken) is { } row && row.ConversationId == conversationId && row.Role == nameof(ThreadKeyRole.Referenced))
                {
                    await DeleteIfUnchangedAsync(row, cancellationToken);
                }
            }
            return key;
        }
        return null;
    }

    private const int MaxAttempts = 5;

    private async Task<ThreadKeyEntity?> FindEntityAsync(ThreadKey key, CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityIfExistsAsync<ThreadKeyEntity>(PartitionKeyOf(key), "", cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value : null;
    }

    /// <summary>Inserts the row; false when the key exists already.</summary>
    private async Task<bool> TryAddAsync(ThreadKeyEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private async Task DeleteIfUnchangedAsync(ThreadKeyEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Taken over (or undone) by someone else meanwhile: it is theirs now.
        }
    }

    private static ThreadKeyTarget Target(ThreadKeyEntity found) =>
        new(found.ConversationId, Enum.Parse<ThreadKeyRole>(found.Role), found.UpdatedAt,
            found.PreviousConversationId is { Length: > 0 } previous ? previous : null);

    private ThreadKeyEntity Entity(ThreadKey key, string conversationId, ThreadKeyRole role) => new()
    {
        PartitionKey = PartitionKeyOf(key),
        RowKey = "",
        ConversationId = conversationId,
        Role = role.ToString(),
        Value = key.Value.Length > 1000 ? key.Value[..1000] : key.Value,
        UpdatedAt = time.GetUtcNow(),
    };

    private static string PartitionKeyOf(ThreadKey key) => $"{key.Kind}-{key.Hash}";
}

public sealed class ThreadKeyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary>What was hashed, for people reading the table.</summary>
    public string Value { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A stored message's key: the conversation it led to before the message took it (to merge with).</summary>
    public string? PreviousConversationId { get; set; }
}
