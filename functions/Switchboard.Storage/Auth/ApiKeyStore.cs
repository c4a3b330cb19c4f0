namespace Switchboard.Storage.Auth;

/// <summary>
/// Table <c>ApiKeys</c>: PartitionKey = key id (the key itself starts with it, so checking a key is one point read),
/// RowKey empty. Only the SHA-256 of the key's secret part is stored.
/// </summary>
public sealed class ApiKeyStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.ApiKeysTable);

    public async Task AddAsync(ApiKeyEntity key, CancellationToken cancellationToken = default) =>
        await Table.AddEntityAsync(key, cancellationToken);

    public async Task<ApiKeyEntity?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var key = await Table.GetEntityIfExistsAsync<ApiKeyEntity>(id, "", cancellationToken: cancellationToken);
        return key.HasValue ? key.Value : null;
    }

    /// <summary>Deletes every key <paramref name="agentId"/> created; returns how many. The table holds a team's few keys.</summary>
    public async Task<int> DeleteCreatedByAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await foreach (var key in Table.QueryAsync<ApiKeyEntity>(k => k.CreatedBy == agentId, select: [nameof(ApiKeyEntity.PartitionKey)], cancellationToken: cancellationToken))
        {
            deleted += await DeleteAsync(key.PartitionKey, cancellationToken) ? 1 : 0;
        }
        return deleted;
    }

    /// <summary>False when there was no such key.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await Table.DeleteEntityAsync(id, "", ETag.All, cancellationToken);
        return response.Status != 404;
    }
}

public sealed class ApiKeyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>SHA-256 of the secret part, hex.</summary>
    public string SecretHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
