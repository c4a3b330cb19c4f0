namespace Switchboard.Storage.Phone;

/// <summary>
/// Table <c>PhoneSink</c>: the texts and calls the product would have made through Twilio, for the dev phone view and
/// tests. One partition <c>phone</c>; RowKey = newest-first ticks + "-" + a random suffix.
/// </summary>
public sealed class PhoneSinkStore(StorageAccount storage)
{
    public const string Partition = "phone";

    private TableClient Table => storage.Table(StorageLayout.PhoneSinkTable);

    public async Task<string> AddAsync(SinkPhoneEntity item, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        item.PartitionKey = Partition;
        item.RowKey = $"{KeyEncoding.NewestFirst(at)}-{Guid.NewGuid().ToString("N")[..8]}";
        item.SentAt = at;
        await Table.AddEntityAsync(item, cancellationToken);
        return item.RowKey;
    }

    public async Task<IReadOnlyList<SinkPhoneEntity>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        var result = new List<SinkPhoneEntity>(limit);
        await foreach (var item in Table.QueryAsync<SinkPhoneEntity>(e => e.PartitionKey == Partition, maxPerPage: limit, cancellationToken: cancellationToken))
        {
            result.Add(item);
            if (result.Count == limit)
            {
                break;
            }
        }
        return result;
    }
}

public sealed class SinkPhoneEntity : ITableEntity
{
    public string PartitionKey { get; set; } = PhoneSinkStore.Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary><c>sms</c> or <c>call</c>.</summary>
    public string Kind { get; set; } = "";
    public string To { get; set; } = "";
    public string From { get; set; } = "";

    /// <summary>The text of an SMS, or the TwiML of a call.</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
