namespace Switchboard.Storage.KnowledgeBase;

/// <summary>
/// The contact form's words the team edits: <c>KbArticles</c>, PartitionKey <c>t</c>, RowKey <c>contact</c>. Absent
/// until someone saves; the handlers then use their defaults.
/// </summary>
public sealed class ContactSettingsEntity : ITableEntity
{
    public string PartitionKey { get; set; } = ContactSettingsStore.Partition;
    public string RowKey { get; set; } = ContactSettingsStore.Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SupportHours { get; set; } = "";
    public string ResponseTime { get; set; } = "";
    public string ConfirmationSubject { get; set; } = "";
    public string ConfirmationBody { get; set; } = "";
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

public sealed class ContactSettingsStore(StorageAccount storage)
{
    public const string Partition = "t";
    public const string Row = "contact";

    private TableClient Table => storage.Table(StorageLayout.KbArticlesTable);

    public async Task<ContactSettingsEntity?> GetAsync(CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<ContactSettingsEntity>(Partition, Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Last save wins: one short text the team edits now and then, not worth a conflict dialog.</summary>
    public Task SaveAsync(ContactSettingsEntity settings, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(settings, TableUpdateMode.Replace, cancellationToken);
}
