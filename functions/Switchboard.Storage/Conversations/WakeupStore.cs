namespace Switchboard.Storage.Conversations;

/// <summary>
/// Table <c>Wakeups</c>: when snoozed conversations wake up. PartitionKey "snooze", RowKey = wake time (19-digit UTC
/// ticks, so rows sort by time) + "-" + conversation id. The timer finds every due one with one range query
/// (RowKey &lt; now's ticks); never a scan of the conversations.
/// </summary>
public sealed class WakeupStore(StorageAccount storage)
{
    public const string SnoozePartition = "snooze";

    private TableClient Table => storage.Table(StorageLayout.WakeupsTable);

    public static string RowKeyFor(DateTimeOffset wakeAt, string conversationId) => $"{wakeAt.UtcTicks:D19}-{conversationId}";

    public Task AddAsync(DateTimeOffset wakeAt, string conversationId, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new WakeupEntity
        {
            PartitionKey = SnoozePartition,
            RowKey = RowKeyFor(wakeAt, conversationId),
            ConversationId = conversationId,
            WakeAt = wakeAt,
        }, TableUpdateMode.Replace, cancellationToken);

    public Task RemoveAsync(DateTimeOffset wakeAt, string conversationId, CancellationToken cancellationToken = default) =>
        RemoveAsync(RowKeyFor(wakeAt, conversationId), cancellationToken);

    public async Task RemoveAsync(string rowKey, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.DeleteEntityAsync(SnoozePartition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Wake-ups due at <paramref name="now"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<WakeupEntity>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        var upTo = $"{now.UtcTicks + 1:D19}";
        var due = new List<WakeupEntity>();
        await foreach (var row in Table.QueryAsync<WakeupEntity>(
            w => w.PartitionKey == SnoozePartition && w.RowKey.CompareTo(upTo) < 0, maxPerPage: limit, cancellationToken: cancellationToken))
        {
            due.Add(row);
            if (due.Count == limit)
            {
                break;
            }
        }
        return due;
    }
}

public sealed class WakeupEntity : ITableEntity
{
    public string PartitionKey { get; set; } = WakeupStore.SnoozePartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public DateTimeOffset WakeAt { get; set; }
}
