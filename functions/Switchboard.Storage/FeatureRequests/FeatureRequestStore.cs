namespace Switchboard.Storage.FeatureRequests;

/// <summary>A requested feature: <c>FeatureRequests</c>, PartitionKey <c>f-{key}</c>, RowKey <c>!</c>.</summary>
public sealed class FeatureEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = FeatureRequestStore.FeatureRow;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public string? ShippedBy { get; set; }
}

/// <summary>
/// One conversation in which a customer asked for the feature: PartitionKey <c>f-{key}</c>, RowKey <c>c-{conversationId}</c>.
/// <see cref="DraftId"/> is the announcement drafted when the feature shipped (so shipping again drafts nothing twice).
/// </summary>
public sealed class FeatureRequestEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public string Mailbox { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
    public string? CustomerName { get; set; }
    public string Subject { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public string? TaggedBy { get; set; }
    public string? DraftId { get; set; }
}

/// <summary>What the conversation view shows: PartitionKey <c>c-{conversationId}</c>, RowKey the feature key.</summary>
public sealed class ConversationFeatureEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>
/// Table <c>FeatureRequests</c>: a partition per feature (its row and one row per asking conversation) and a partition
/// per tagged conversation (the features it asks for). The list of requests is one range query over the feature
/// partitions (<c>f-</c> to <c>f.</c>); a conversation's tags are one partition query. Writes are upserts, so tagging
/// twice changes nothing.
/// </summary>
public sealed class FeatureRequestStore(StorageAccount storage)
{
    public const string FeatureRow = "!";

    private TableClient Table => storage.Table(StorageLayout.FeatureRequestsTable);

    public static string FeaturePartition(string key) => "f-" + key;

    public static string ConversationPartition(string conversationId) => "c-" + conversationId;

    /// <summary>Records the request; the feature row is created with the first one and otherwise left as it is.</summary>
    public async Task AddAsync(string key, string name, FeatureRequestEntity request, CancellationToken cancellationToken = default)
    {
        var partition = FeaturePartition(key);
        try
        {
            await Table.AddEntityAsync(new FeatureEntity { PartitionKey = partition, Name = name, CreatedAt = request.AskedAt }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The feature was asked for before: its row (and a ship date) stay.
        }
        request.PartitionKey = partition;
        request.RowKey = "c-" + request.ConversationId;
        var existing = await Table.GetEntityIfExistsAsync<FeatureRequestEntity>(partition, request.RowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            await Table.UpsertEntityAsync(request, TableUpdateMode.Replace, cancellationToken);
        }
        await Table.UpsertEntityAsync(new ConversationFeatureEntity
        {
            PartitionKey = ConversationPartition(request.ConversationId), RowKey = key, Name = name,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string key, string conversationId, CancellationToken cancellationToken = default)
    {
        await Table.DeleteEntityAsync(FeaturePartition(key), "c-" + conversationId, ETag.All, cancellationToken);
        await Table.DeleteEntityAsync(ConversationPartition(conversationId), key, ETag.All, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationFeatureEntity>> OfConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var partition = ConversationPartition(conversationId);
        var rows = new List<ConversationFeatureEntity>();
        await foreach (var row in Table.QueryAsync<ConversationFeatureEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    public async Task<FeatureEntity?> GetFeatureAsync(string key, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<FeatureEntity>(FeaturePartition(key), FeatureRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    public async Task<IReadOnlyList<FeatureRequestEntity>> RequestsAsync(string key, CancellationToken cancellationToken = default)
    {
        var partition = FeaturePartition(key);
        var rows = new List<FeatureRequestEntity>();
        await foreach (var row in Table.QueryAsync<FeatureRequestEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo("c-") >= 0 && e.RowKey.CompareTo("c.") < 0, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Every feature with its requests: one range query over the feature partitions.</summary>
    public async Task<IReadOnlyList<(FeatureEntity Feature, IReadOnlyList<FeatureRequestEntity> Requests)>> AllAsync(CancellationToken cancellationToken = default)
    {
        var features = new Dictionary<string, FeatureEntity>();
        var requests = new Dictionary<string, List<FeatureRequestEntity>>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"f-"} and PartitionKey lt {"f."}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == FeatureRow)
            {
                features[row.PartitionKey] = new FeatureEntity
                {
                    PartitionKey = row.PartitionKey, Name = row.GetString(nameof(FeatureEntity.Name)) ?? "",
                    CreatedAt = row.GetDateTimeOffset(nameof(FeatureEntity.CreatedAt)) ?? default,
                    ShippedAt = row.GetDateTimeOffset(nameof(FeatureEntity.ShippedAt)), ShippedBy = row.GetString(nameof(FeatureEntity.ShippedBy)),
                };
            }
            else
            {
                var list = requests.TryGetValue(row.PartitionKey, out var found) ? found : requests[row.PartitionKey] = [];
                list.Add(new FeatureRequestEntity
                {
                    PartitionKey = row.PartitionKey, RowKey = row.RowKey,
                    ConversationId = row.GetString(nameof(FeatureRequestEntity.ConversationId)) ?? "",
                    Mailbox = row.GetString(nameof(FeatureRequestEntity.Mailbox)) ?? "",
                    CustomerEmail = row.GetString(nameof(FeatureRequestEntity.CustomerEmail)) ?? "",
                    CustomerName = row.GetString(nameof(FeatureRequestEntity.CustomerName)),
                    Subject = row.GetString(nameof(FeatureRequestEntity.Subject)) ?? "",
                    AskedAt = row.GetDateTimeOffset(nameof(FeatureRequestEntity.AskedAt)) ?? default,
                    TaggedBy = row.GetString(nameof(FeatureRequestEntity.TaggedBy)),
                    DraftId = row.GetString(nameof(FeatureRequestEntity.DraftId)),
                });
            }
        }
        return [.. features.Select(f => (f.Value, (IReadOnlyList<FeatureRequestEntity>)(requests.TryGetValue(f.Key, out var r) ? r : [])))];
    }

    public Task MarkShippedAsync(FeatureEntity feature, DateTimeOffset at, string by, CancellationToken cancellationToken = default)
    {
        feature.ShippedAt ??= at;
        feature.ShippedBy ??= by;
        return Table.UpsertEntityAsync(feature, TableUpdateMode.Replace, cancellationToken);
    }

    public Task MarkDraftedAsync(FeatureRequestEntity request, string draftId, CancellationToken cancellationToken = default)
    {
        request.DraftId = draftId;
        return Table.UpsertEntityAsync(request, TableUpdateMode.Replace, cancellationToken);
    }
}
