using Switchboard.Core.Conversations;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// Table <c>InboxIndex</c>: the inbox listing as one range query per page. Each conversation has three rows, one per
/// way the inbox is cut: PartitionKey "{mailbox}|{status}", "*|{status}" (all mailboxes) and "@{assignee}|{status}"
/// ("@unassigned|{status}" without one); RowKey = newest-first ticks of the last activity + "-" + conversation id.
/// Each change moves the rows whose key changed (delete the old RowKey, insert the new one, one transaction each).
/// </summary>
public sealed class InboxIndex(StorageAccount storage)
{
    public const string AllMailboxes = "*";
    public const string Unassigned = "unassigned";

    private TableClient Table => storage.Table(StorageLayout.InboxIndexTable);

    public static string RowKeyFor(DateTimeOffset lastActivityAt, string conversationId) =>
        $"{KeyEncoding.NewestFirst(lastActivityAt)}-{conversationId}";

    public static string PartitionKeyFor(string mailbox, string status) => $"{KeyEncoding.Escape(mailbox.ToLowerInvariant())}|{status}";

    /// <summary>The partition of an agent's conversations (or the unassigned ones, for null) of one status, all mailboxes.</summary>
    public static string AssigneePartitionKeyFor(string? assigneeId, string status) => $"@{KeyEncoding.Escape(assigneeId ?? Unassigned)}|{status}";

    /// <summary>
    /// Writes the conversation's rows as it is now, removing those of its previous state (the head row's Status,
    /// IndexRowKey and AssigneeId as read before the change; all null for a new conversation or a repair).
    /// </summary>
    /// <returns>The rows written, with their ETags, for <see cref="SettleAsync"/>.</returns>
    public async Task<IReadOnlyList<InboxPlacement>> MoveAsync(Conversation conversation, string? previousStatus, string? previousRowKey,
        string? previousAssigneeId, CancellationToken cancellationToken = default)
    {
        var placed = new List<InboxPlacement>();
        string?[] previous = previousStatus is null ? new string?[3] : PartitionsFor(conversation.Mailbox, previousStatus, previousAssigneeId);
        foreach (var (partition, previousPartition) in PartitionsOf(conversation).Zip(previous))
        {
            var row = ToRow(conversation, partition);
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, row) };
            var removeOld = previousRowKey is { Length: > 0 } && previousPartition is not null
                && (previousPartition != row.PartitionKey || previousRowKey != row.RowKey);
            if (removeOld && previousPartition == row.PartitionKey)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(previousPartition, previousRowKey), ETag.All));
            }
            var etag = await SubmitIgnoringMissingAsync(actions, cancellationToken);
            placed.Add(new InboxPlacement(row.PartitionKey, row.RowKey, etag));
            if (removeOld && previousPartition != row.PartitionKey)
            {
                await DeleteIfExistsAsync(previousPartition!, previousRowKey!, cancellationToken);
            }
        }
        return placed;
    }

    /// <summary>
    /// Brings the rows a write just placed in line with the head as read after placing them. Two writers of one
    /// conversation write the head in turn but move its rows unordered: the earlier one's rows may land after the later
    /// one removed their keys (a row left in "unassigned" for a conversation just assigned) or replaced their summary.
    /// Whoever reads the newer head after placing its rows corrects them: a row the head no longer has is deleted, a
    /// row with an older summary is rewritten. Both only if the row is still the one this write placed (its ETag), so a
    /// row a later writer placed is never touched; an alias (merged away) leaves the inbox.
    /// </summary>
    public async Task SettleAsync(IReadOnlyList<InboxPlacement> placed, Conversation written, Conversation? current,
        CancellationToken cancellationToken = default)
    {
        if (current is null || current.IsAlias)
        {
            await RemoveAsync(written, cancellationToken);
            return;
        }
        var now = PartitionsOf(current).Select(p => ToRow(current, p)).ToDictionary(r => (r.PartitionKey, r.RowKey));
        foreach (var placement in placed.Where(p => p.ETag != default))
        {
            try
            {
                if (!now.TryGetValue((placement.PartitionKey, placement.RowKey), out var row))
                {
                    await Table.DeleteEntityAsync(placement.PartitionKey, placement.RowKey, placement.ETag, cancellationToken);
                }
                else if (!SameSummary(row, ToRow(written, placement.PartitionKey)))
                {
                    await Table.UpdateEntityAsync(row, placement.ETag, TableUpdateMode.Replace, cancellationToken);
                }
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // moved or rewritten since by a later writer, who settles its own rows
            }
        }
    }

    private static string[] PartitionsOf(Conversation conversation) =>
        PartitionsFor(conversation.Mailbox, conversation.Status.ToWire(), conversation.AssigneeId);

    /// <summary>The three ways the inbox is cut, in this order: the mailbox, all mailboxes, the assignee.</summary>
    private static string[] PartitionsFor(string mailbox, string status, string? assigneeId) =>
        [PartitionKeyFor(mailbox, status), PartitionKeyFor(AllMailboxes, status), AssigneePartitionKeyFor(assigneeId, status)];

    private static bool SameSummary(InboxRow a, InboxRow b) => Summary(a).Equals(Summary(b)); // boxed tuples: Equals, never ==

    private static object Summary(InboxRow row) => (row.ConversationId, row.Subject, row.Status, row.Mailbox, row.CustomerEmail, row.CustomerName,
        row.MessageCount, row.LastActivityAt, row.Preview, row.AssigneeId, row.Tags, row.SnoozedUntil, row.LatestRating);

    /// <summary>
    /// Removes the conversation's rows as its head last placed them, and as the write before placed them (a write that
    /// died before its inbox move left those): a conversation merged into another leaves the inbox.
    /// </summary>
    public async Task RemoveAsync(ConversationEntity head, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(head.Mailbox, head.Status, head.AssigneeId, head.IndexRowKey, cancellationToken);
        if (head is { PreviousStatus: { } status, PreviousIndexRowKey: { Length: > 0 } rowKey })
        {
            await RemoveAsync(head.Mailbox, status, head.PreviousAssigneeId, rowKey, cancellationToken);
        }
    }

    /// <summary>Removes the rows <see cref="MoveAsync"/> wrote for the conversation in this state.</summary>
    public Task RemoveAsync(Conversation conversation, CancellationToken cancellationToken = default) =>
        RemoveAsync(conversation.Mailbox, conversation.Status.ToWire(), conversation.AssigneeId,
            RowKeyFor(conversation.LastActivityAt, conversation.Id), cancellationToken);

    private async Task RemoveAsync(string mailbox, string status, string? assigneeId, string rowKey, CancellationToken cancellationToken)
    {
        foreach (var partition in PartitionsFor(mailbox, status, assigneeId))
        {
            await DeleteIfExistsAsync(partition, rowKey, cancellationToken);
        }
    }

    public Task<(IReadOnlyList<InboxRow> Rows, string? ContinuationToken)> PageAsync(
        string? mailbox, string status, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
        PagePartitionAsync(PartitionKeyFor(mailbox ?? AllMailboxes, status), null, pageSize, continuationToken, cancellationToken);

    /// <summary>
    /// One page of an assignee's partition (null: the unassigned ones). With a mailbox, the same partition filtered on
    /// it: still one range query, though a page may come back short (even empty) with a continuation token.
    /// </summary>
    public Task<(IReadOnlyList<InboxRow> Rows, string? ContinuationToken)> PageByAssigneeAsync(
        string? assigneeId, string? mailbox, string status, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
        PagePartitionAsync(AssigneePartitionKeyFor(assigneeId, status), mailbox, pageSize, continuationToken, cancellationToken);

    private async Task<(IReadOnlyList<InboxRow> Rows, string? ContinuationToken)> PagePartitionAsync(
        string partition, string? mailbox, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = mailbox is null
            ? Table.QueryAsync<InboxRow>(r => r.PartitionKey == partition, maxPerPage: pageSize, cancellationToken: cancellationToken)
            : Table.QueryAsync<InboxRow>(r => r.PartitionKey == partition && r.Mailbox == mailbox, maxPerPage: pageSize, cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages(continuationToken, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }
        return ([], null);
    }

    /// <returns>The ETag of the upserted row (the first action); default if storage did not say.</returns>
    private async Task<ETag> SubmitIgnoringMissingAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            return (await Table.SubmitTransactionAsync(actions, cancellationToken)).Value[0].Headers.ETag ?? default;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404 && actions.Count > 1)
        {
            // The old row was already moved (a retry): the upsert alone is what is left to do.
            return (await Table.SubmitTransactionAsync(actions.Take(1), cancellationToken)).Value[0].Headers.ETag ?? default;
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

    private static InboxRow ToRow(Conversation conversation, string partitionKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = RowKeyFor(conversation.LastActivityAt, conversation.Id),
        ConversationId = conversation.Id,
        Subject = conversation.Subject,
        Status = conversation.Status.ToWire(),
        Mailbox = conversation.Mailbox,
        CustomerEmail = conversation.CustomerEmail,
        CustomerName = conversation.CustomerName,
        MessageCount = conversation.MessageCount,
        LastActivityAt = conversation.LastActivityAt,
        Preview = conversation.Preview,
        AssigneeId = conversation.AssigneeId,
        Tags = ConversationTags.Join(conversation.Tags),
        SnoozedUntil = conversation.SnoozedUntil,
        LatestRating = conversation.LatestRating,
    };
}

/// <summary>One inbox row a write placed, and its ETag as written.</summary>
public sealed record InboxPlacement(string PartitionKey, string RowKey, ETag ETag);

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
    public string? AssigneeId { get; set; }

    /// <summary>Comma-separated, as on the head.</summary>
    public string Tags { get; set; } = "";
    public DateTimeOffset? SnoozedUntil { get; set; }

    /// <summary>The customer's latest rating of a reply, as on the head.</summary>
    public string? LatestRating { get; set; }
}
