namespace Switchboard.Storage.Conversations;

/// <summary>
/// Table <c>MentionsSent</c>: which mention emails went out. PartitionKey = conversation id + "-" + note id, RowKey =
/// agent id; written after the email is sent, read (point read) before, so a redelivered queue message sends none again.
/// </summary>
public sealed class MentionsSentStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.MentionsSentTable);

    public async Task<bool> WasSentAsync(string conversationId, string noteId, string agentId, CancellationToken cancellationToken = default) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>($"{conversationId}-{noteId}", KeyEncoding.Escape(agentId), cancellationToken: cancellationToken)).HasValue;

    public Task RecordAsync(string conversationId, string noteId, string agentId, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity($"{conversationId}-{noteId}", KeyEncoding.Escape(agentId)) { ["SentAt"] = sentAt },
            TableUpdateMode.Replace, cancellationToken);
}
