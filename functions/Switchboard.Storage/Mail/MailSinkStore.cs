namespace Switchboard.Storage.Mail;

/// <summary>
/// Table <c>MailSink</c>: the mail the product would have sent, kept for the dev mail view. One partition <c>mail</c>;
/// RowKey = newest-first ticks + "-" + a random suffix, which is also the message id, so the list is one range query.
/// Bodies longer than <see cref="MaxBodyChars"/> are cut (a property holds at most 64 KiB): the sink is a
/// development tool, not an archive.
/// </summary>
public sealed class MailSinkStore(StorageAccount storage)
{
    public const string Partition = "mail";
    public const int MaxBodyChars = 30_000;

    private TableClient Table => storage.Table(StorageLayout.MailSinkTable);

    public async Task<string> AddAsync(SinkMailEntity mail, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        mail.PartitionKey = Partition;
        mail.RowKey = $"{KeyEncoding.NewestFirst(at)}-{Guid.NewGuid().ToString("N")[..8]}";
        mail.SentAt = at;
        mail.Text = Cut(mail.Text);
        mail.Html = mail.Html is null ? null : Cut(mail.Html);
        await Table.AddEntityAsync(mail, cancellationToken);
        return mail.RowKey;
    }

    public async Task<IReadOnlyList<SinkMailEntity>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        var result = new List<SinkMailEntity>(limit);
        await foreach (var mail in Table.QueryAsync<SinkMailEntity>(e => e.PartitionKey == Partition, maxPerPage: limit, cancellationToken: cancellationToken))
        {
            result.Add(mail);
            if (result.Count == limit)
            {
                break;
            }
        }
        return result;
    }

    public async Task<SinkMailEntity?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var mail = await Table.GetEntityIfExistsAsync<SinkMailEntity>(Partition, id, cancellationToken: cancellationToken);
        return mail.HasValue ? mail.Value : null;
    }

    private static string Cut(string body) => body.Length <= MaxBodyChars ? body : body[..MaxBodyChars] + "\n[… cut by the mail sink]";
}

public sealed class SinkMailEntity : ITableEntity
{
    public string PartitionKey { get; set; } = MailSinkStore.Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string From { get; set; } = "";
    /// <summary>Comma-separated addresses.</summary>
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Html { get; set; }
    /// <summary>Extra headers as a JSON object.</summary>
    public string Headers { get; set; } = "{}";
    public DateTimeOffset SentAt { get; set; }
}
