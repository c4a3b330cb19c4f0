namespace Switchboard.Storage.Escalation;

/// <summary>
/// Table <c>Pages</c>: every page sent, newest first, in partition <c>log</c> and again in
/// <c>conversation-{id}</c> for each conversation it listed (RowKey = newest-first ticks + "-" + page id, so both
/// listings are one range query); the acknowledgement state of each page in partition <c>ack</c> (RowKey = page id,
/// ETag-guarded so a link works once). docs/storage.md has the details.
/// </summary>
public sealed class PageLogStore(StorageAccount storage)
{
    public const string LogPartition = "log";
    public const string AckPartition = "ack";

    private TableClient Table => storage.Table(StorageLayout.PagesTable);

    public static string ConversationPartition(string conversationId) => "conversation-" + conversationId;

    public static string LogRowKey(DateTimeOffset sentAt, string pageId) => $"{KeyEncoding.NewestFirst(sentAt)}-{pageId}";

    /// <summary>When the page of a <see cref="LogRowKey"/> was sent.</summary>
    public static DateTimeOffset SentAtOf(string logRowKey) =>
        new(DateTimeOffset.MaxValue.UtcTicks - long.Parse(logRowKey[..19], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>
    /// Logs a page that was sent, once per page id: the <c>ack</c> row goes first and fixes the log row key, so the
    /// same page sent again (taken over after a crash) finds it and adds no second entry. Log rows are insert-only:
    /// what the first send recorded (channels, texts added since) stays. Returns when the page was first logged.
    /// </summary>
    public async Task<DateTimeOffset> AddAsync(PageRecord page, CancellationToken cancellationToken = default)
    {
        var rowKey = LogRowKey(page.SentAt, page.PageId);
        try
        {
            await Table.AddEntityAsync(new TableEntity(AckPartition, page.PageId)
            {
                ["LogRowKey"] = rowKey,
                ["AgentId"] = page.AgentId,
                ["ConversationIds"] = string.Join(',', page.ConversationIds),
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            rowKey = (await GetAckAsync(page.PageId, cancellationToken))?.LogRowKey ?? rowKey;
        }
        var logged = page with { SentAt = SentAtOf(rowKey) };
        foreach (var partition in page.ConversationIds.Select(ConversationPartition).Prepend(LogPartition))
        {
            try
            {
                await Table.AddEntityAsync(ToEntity(partition, rowKey, logged), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
        }
        return logged.SentAt;
    }

    /// <summary>A page of the log (or of one conversation's pages), newest first, after the row key <paramref name="after"/>.</summary>
    public async Task<(IReadOnlyList<PageRecord> Items, string? Next)> ListAsync(string? conversationId, int limit, string? after, CancellationToken cancellationToken = default)
    {
        var partition = conversationId is null ? LogPartition : ConversationPartition(conversationId);
        var from = after ?? "";
        var items = new List<PageRecord>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(from) > 0, maxPerPage: limit + 1, cancellationToken: cancellationToken))
        {
            if (items.Count == limit)
            {
                return (items, LogRowKey(items[^1].SentAt, items[^1].PageId));
            }
            items.Add(FromEntity(row));
        }
        return (items, null);
    }

    public async Task<PageAck?> GetAckAsync(string pageId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(AckPartition, pageId, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }
        var r = row.Value!;
        return new PageAck(pageId, r.GetString("LogRowKey"), r.GetString("AgentId"),
            (r.GetString("ConversationIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), r.GetDateTimeOffset("AcknowledgedAt"), r.ETag);
    }

    /// <summary>
    /// Adds one delivery attempt (a JSON object <c>{channel, ok, detail}</c>) to the page's <c>Channels</c> in every
    /// listing. A page's attempts are made one after another (email and webhook at once, then each notification step),
    /// so a read-modify-write of the row is enough.
    /// </summary>
    public async Task AddAttemptAsync(PageAck ack, string attemptJson, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(LogPartition, ack.LogRowKey, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return;
        }
        var channels = row.Value!.GetString("Channels") is { Length: > 2 } existing ? existing[..^1] + "," + attemptJson + "]" : "[" + attemptJson + "]";
        foreach (var partition in ack.ConversationIds.Select(ConversationPartition).Prepend(LogPartition))
        {
            await Table.UpsertEntityAsync(new TableEntity(partition, ack.LogRowKey) { ["Channels"] = channels }, TableUpdateMode.Merge, cancellationToken);
        }
    }

    /// <summary>Marks the page acknowledged, once: false when it already was (or changed meanwhile).</summary>
    public async Task<bool> TryAcknowledgeAsync(PageAck ack, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.UpdateEntityAsync(new TableEntity(AckPartition, ack.PageId) { ["AcknowledgedAt"] = at, ["AcknowledgedBy"] = by },
                ack.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
        foreach (var partition in ack.ConversationIds.Select(ConversationPartition).Prepend(LogPartition))
        {
            await Table.UpsertEntityAsync(new TableEntity(partition, ack.LogRowKey) { ["AcknowledgedAt"] = at, ["AcknowledgedBy"] = by },
                TableUpdateMode.Merge, cancellationToken);
        }
        return true;
    }

    private static TableEntity ToEntity(string partition, string rowKey, PageRecord page) => new(partition, rowKey)
    {
        ["PageId"] = page.PageId,
        ["Kind"] = page.Kind,
        ["SentAt"] = page.SentAt,
        ["AgentId"] = page.AgentId,
        ["Recipient"] = page.Recipient,
        ["Channels"] = page.Channels,
        ["ConversationIds"] = string.Join(',', page.ConversationIds),
        ["Conversations"] = page.Conversations,
    };

    private static PageRecord FromEntity(TableEntity row) => new(
        row.GetString("PageId"), row.GetString("Kind") ?? "page", row.GetDateTimeOffset("SentAt") ?? default, row.GetString("AgentId"),
        row.GetString("Recipient") ?? "", row.GetString("Channels") ?? "[]",
        (row.GetString("ConversationIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), row.GetString("Conversations") ?? "[]",
        row.GetString("AcknowledgedBy"), row.GetDateTimeOffset("AcknowledgedAt"));
}

/// <summary>
/// One page (or notice) as logged. <see cref="Channels"/> and <see cref="Conversations"/> are JSON arrays the API
/// returns as they are: <c>[{channel, ok, detail}]</c> and <c>[{id, subject, mailbox, level}]</c>.
/// </summary>
public sealed record PageRecord(
    string PageId,
    string Kind,
    DateTimeOffset SentAt,
    string AgentId,
    string Recipient,
    string Channels,
    IReadOnlyList<string> ConversationIds,
    string Conversations,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null);

public sealed record PageAck(string PageId, string LogRowKey, string AgentId, IReadOnlyList<string> ConversationIds, DateTimeOffset? AcknowledgedAt, ETag ETag);
