namespace Switchboard.Storage.Conversations;

/// <summary>
/// Table <c>ReadMarks</c>: when an agent last opened a conversation. PartitionKey = agent id, RowKey = conversation id.
/// Opening a conversation upserts the row; the inbox reads the marks of one page's conversations with at most two
/// queries of the agent's partition (a filter holds at most 15 comparisons, so ids go 14 at a time).
/// </summary>
public sealed class ReadMarkStore(StorageAccount storage)
{
    private const int IdsPerQuery = 14;

    private TableClient Table => storage.Table(StorageLayout.ReadMarksTable);

    public Task MarkAsync(string agentId, string conversationId, DateTimeOffset seenActivityAt, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(KeyEncoding.Escape(agentId), conversationId) { ["SeenActivityAt"] = seenActivityAt },
            TableUpdateMode.Replace, cancellationToken);

    /// <summary>For each of the conversations the agent has opened: the last activity they had then.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAsync(string agentId, IReadOnlyList<string> conversationIds, CancellationToken cancellationToken = default)
    {
        var marks = new Dictionary<string, DateTimeOffset>();
        var partition = KeyEncoding.Escape(agentId);
        foreach (var chunk in conversationIds.Distinct().Chunk(IdsPerQuery))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and (" +
                string.Join(" or ", chunk.Select(id => TableClient.CreateQueryFilter($"RowKey eq {id}"))) + ")";
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (row.GetDateTimeOffset("SeenActivityAt") is { } seen)
                {
                    marks[row.RowKey] = seen;
                }
            }
        }
        return marks;
    }
}
