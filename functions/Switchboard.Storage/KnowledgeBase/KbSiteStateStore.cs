namespace Switchboard.Storage.KnowledgeBase;

/// <summary>
/// Where publishing the public knowledge base stands: <c>KbArticles</c>, PartitionKey <c>p</c>, RowKey <c>site</c>.
/// Every change to what the site shows raises <see cref="Requested"/>; a publish renders everything as of the moment it
/// starts and then records the generation it saw in <see cref="Published"/>. <see cref="ScheduledFor"/> is the due time
/// of the one delayed publish message in flight, so a burst of edits queues one message, not one per edit.
/// </summary>
public sealed class KbSiteStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = KbSiteStateStore.Partition;
    public string RowKey { get; set; } = KbSiteStateStore.Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Requested { get; set; }
    public long Published { get; set; }
    public DateTimeOffset? ScheduledFor { get; set; }
    public int Publishes { get; set; }
    public DateTimeOffset? LastPublishedAt { get; set; }
    public string? LastReleaseId { get; set; }

    /// <summary>Why the last publish failed, while no later one has succeeded (the queue retries it); null once one does.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset? LastFailedAt { get; set; }
}

/// <summary>Reads and changes the one <see cref="KbSiteStateEntity"/> row, each change ETag-guarded and retried.</summary>
public sealed class KbSiteStateStore(StorageAccount storage)
{
    public const string Partition = "p";
    public const string Row = "site";

    private TableClient Table => storage.Table(StorageLayout.KbArticlesTable);

    public async Task<KbSiteStateEntity> GetAsync(CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<KbSiteStateEntity>(Partition, Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : new KbSiteStateEntity();
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current row and writes it unless someone wrote first, then tries again
    /// on the row they wrote. Returns the row as written.
    /// </summary>
    public async Task<KbSiteStateEntity> UpdateAsync(Action<KbSiteStateEntity> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<KbSiteStateEntity>(Partition, Row, cancellationToken: cancellationToken);
            var state = row.HasValue ? row.Value! : new KbSiteStateEntity();
            change(state);
            try
            {
                if (row.HasValue)
                {
                    await Table.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(state, cancellationToken);
                }
                return state;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                // Another edit or publish wrote the row first: apply the change to theirs.
            }
        }
    }
}
