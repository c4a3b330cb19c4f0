using Azure;
using Azure.Data.Tables;
using Switchboard.Storage.Account;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// Table <c>InboxIndex</c>: the inbox listing as one range query per page. PartitionKey = "{mailbox}|{status}" and,
/// for the all-mailboxes view, "*|{status}"; RowKey = newest-first ticks of the last activity + "-" + conversation id.
/// Each activity moves the conversation's two rows (delete the old RowKey, insert the new one, one transaction each).
/// </summary>
public sealed class InboxIndex(StorageAccount storage)
{
    public const string AllMailboxes = "*";

    private TableClient Table => storage.Table(StorageLayout.InboxIndexTable);

    public static string RowKeyFor(DateTimeOffset lastActivityAt, string conversationId) =>
        $"{KeyEncoding.NewestFirst(lastActivityAt)}-{conversationId}";

    public static string PartitionKeyFor(string mailbox, string status) => $"{KeyEncoding.Escape(mailbox.ToLowerInvariant())}|{status}";

    /// <summary>Writes the conversation's rows for its current head, removing those of its previous state.</summary>
    public async Task MoveAsync(ConversationEntity head, string? previousStatus, string? previousRowKey, CancellationToken cancellationToken = default)
    {
        foreach (var mailbox in new[] { head.Mailbox, AllMailboxes })
        {
            var row = ToRow(head, PartitionKeyFor(mailbox, head.Status));
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, row) };
            var previousPartition = previousStatus is null ? null : PartitionKeyFor(mailbox, previousStatus);
            var removeOld = previousRowKey is { Length: > 0 } && (previousPartition != row.PartitionKey || previousRowKey != row.RowKey);
            if (removeOld && previousPartition == row.PartitionKey)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(previousPartition, previousRowKey), ETag.All));
            }
            await SubmitIgnoringMissingAsync(actions, cancellationToken);
            if (removeOld && previousPartition != row.PartitionKey)
            {
                await DeleteIfExistsAsync(previousPartition!, previousRowKey!, cancellationToken);
            }
        }
    }

    public async Task<(IReadOnlyList<InboxRow> Rows, string? ContinuationToken)> PageAsync(
        string? mailbox, string status, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var partition = PartitionKeyFor(mailbox ?? AllMailboxes, status);
        var pages = Table.QueryAsync<InboxRow>(r => r.PartitionKey == partition, maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(continuationToken, pageSize);
        await foreach (var page in pages)
        {
            return (page.Values, page.ContinuationToken);
        }
        return ([], null);
    }

    private async Task SubmitIgnoringMissingAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404 && actions.Count > 1)
        {
            // The old row was already moved (a retry): the upsert alone is what is left to do.
            await Table.SubmitTransactionAsync(actions.Take(1), cancellationToken);
        }
    }

    private async Task DeleteIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private static InboxRow ToRow(ConversationEntity head, string partitionKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = RowKeyFor(head.LastActivityAt, head.PartitionKey),
        ConversationId = head.PartitionKey,
        Subject = head.Subject,
        Status = head.Status,
        Mailbox = head.Mailbox,
        CustomerEmail = head.CustomerEmail,
        CustomerName = head.CustomerName,
        MessageCount = head.MessageCount,
        LastActivityAt = head.LastActivityAt,
        Preview = head.Preview,
    };
}

/// <summary>A conversation's summary as the inbox lists it.</summary>
public sealed class InboxRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Status { get; set; } = "";
    public string Mailbox { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
    public string? CustomerName { get; set; }
    public int MessageCount { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public string Preview { get; set; } = "";
}
