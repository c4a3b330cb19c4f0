namespace Switchboard.Storage.Conversations;

/// <summary>
/// Table <c>Presence</c>: who has a conversation open. PartitionKey = conversation id, RowKey = agent id; a heartbeat
/// upserts the row, and the list is one partition query (a handful of rows). Stale rows are ignored by their
/// <see cref="PresenceEntity.SeenAt"/>, not deleted: the next heartbeat overwrites them.
/// </summary>
public sealed class PresenceStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.PresenceTable);

    public Task BeatAsync(string conversationId, string agentId, string name, string state, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new PresenceEntity
        {
            PartitionKey = conversationId,
            RowKey = KeyEncoding.Escape(agentId),
            AgentId = agentId,
            Name = name,
            State = state,
            SeenAt = at,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Everyone seen since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<PresenceEntity>> SinceAsync(string conversationId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = new List<PresenceEntity>();
        await foreach (var row in Table.QueryAsync<PresenceEntity>(p => p.PartitionKey == conversationId, cancellationToken: cancellationToken))
        {
            if (row.SeenAt >= since)
            {
                rows.Add(row);
            }
        }
        return rows;
    }
}

public sealed class PresenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public Azure.ETag ETag { get; set; }

    public string AgentId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>viewing | replying.</summary>
    public string State { get; set; } = "";
    public DateTimeOffset SeenAt { get; set; }
}
