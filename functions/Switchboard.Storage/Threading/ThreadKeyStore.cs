using Azure;
using Azure.Data.Tables;
using Switchboard.Core.Threading;
using Switchboard.Storage.Account;

namespace Switchboard.Storage.Threading;

/// <summary>
/// Table <c>ThreadKeys</c>: PartitionKey = "{kind}-{hash}", RowKey = "". Every look-up the resolver makes is one point read.
/// </summary>
public sealed class ThreadKeyStore(StorageAccount storage, TimeProvider time)
{
    private TableClient Table => storage.Table(StorageLayout.ThreadKeysTable);

    public async Task<ThreadKeyTarget?> FindAsync(ThreadKey key, CancellationToken cancellationToken = default)
    {
        var entity = await Table.GetEntityIfExistsAsync<ThreadKeyEntity>(PartitionKeyOf(key), "", cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value is { } found
            ? new ThreadKeyTarget(found.ConversationId, Enum.Parse<ThreadKeyRole>(found.Role), found.UpdatedAt)
            : null;
    }

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
        try
        {
            await Table.AddEntityAsync(Entity(key, conversationId, role), cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(key, cancellationToken);
        }
    }

    /// <summary>
    /// Points a stored message's key at its conversation, and returns where it pointed before (null when it was new):
    /// a message processed at the same moment may have named this one as its parent for another conversation.
    /// </summary>
    public async Task<ThreadKeyTarget?> RegisterStoredAsync(ThreadKey key, string conversationId, CancellationToken cancellationToken = default)
    {
        if (await RegisterIfAbsentAsync(key, conversationId, ThreadKeyRole.Stored, cancellationToken) is not { } previous)
        {
            return null;
        }
        await RegisterAsync(key, conversationId, ThreadKeyRole.Stored, cancellationToken);
        return previous;
    }

    /// <summary>
    /// Takes each key for the conversation, insert-only and in order. Returns the first key already held by another
    /// conversation (after undoing this call's claims), or null when all are held by this one.
    /// </summary>
    public async Task<ThreadKey?> ClaimAsync(IReadOnlyList<ThreadKey> keys, string conversationId, CancellationToken cancellationToken = default)
    {
        var taken = new List<ThreadKey>();
        foreach (var key in keys)
        {
            try
            {
                await Table.AddEntityAsync(Entity(key, conversationId, ThreadKeyRole.Referenced), cancellationToken);
                taken.Add(key);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var holder = await FindAsync(key, cancellationToken);
                if (holder is null || holder.ConversationId == conversationId)
                {
                    continue;
                }
                foreach (var mine in taken)
                {
                    await Table.DeleteEntityAsync(PartitionKeyOf(mine), "", ETag.All, cancellationToken);
                }
                return key;
            }
        }
        return null;
    }

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
}
