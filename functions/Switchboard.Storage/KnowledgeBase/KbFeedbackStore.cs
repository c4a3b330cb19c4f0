using System.Globalization;

namespace Switchboard.Storage.KnowledgeBase;

/// <summary>An article's votes: <c>KbFeedback</c>, PartitionKey the article id, RowKey <c>counts</c>.</summary>
public sealed class FeedbackCountsEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = KbFeedbackStore.CountsRow;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Helpful { get; set; }
    public int NotHelpful { get; set; }
    public int Comments { get; set; }
}

/// <summary>A vote's comment: PartitionKey the article id, RowKey <c>m</c> + newest-first ticks + random.</summary>
public sealed class FeedbackCommentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public bool Helpful { get; set; }
    public string Comment { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A search that found nothing: PartitionKey <c>miss</c>, RowKey the escaped query (lower case, single spaces).</summary>
public sealed class SearchMissEntity : ITableEntity
{
    public string PartitionKey { get; set; } = KbFeedbackStore.MissPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Query { get; set; } = "";
    public int Count { get; set; }
    public DateTimeOffset LastAt { get; set; }
}

/// <summary>
/// One visit of the contact form: PartitionKey <c>visit-{ISO week}</c> (<c>visit-2026-W10</c>), RowKey the page's
/// session id. <see cref="Opened"/>: the visitor opened a suggested article; <see cref="Submitted"/>: they sent the form.
/// </summary>
public sealed class ContactVisitEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public bool? Visited { get; set; }
    public bool? Opened { get; set; }
    public bool? Submitted { get; set; }
}

/// <summary>
/// What readers tell the team through the public site: votes and comments per article, searches that found nothing,
/// and contact form visits (for the deflection rate). Table <c>KbFeedback</c>; counters are ETag-guarded and retried.
/// </summary>
public sealed class KbFeedbackStore(StorageAccount storage)
{
    public const string CountsRow = "counts";
    public const string MissPartition = "miss";

    private TableClient Table => storage.Table(StorageLayout.KbFeedbackTable);

    public static string Week(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):D2}");

    public async Task AddVoteAsync(string articleId, bool helpful, string? comment, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (comment is not null)
        {
            var key = $"m{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
            await Table.AddEntityAsync(new FeedbackCommentEntity { PartitionKey = articleId, RowKey = key, Helpful = helpful, Comment = comment, At = at }, cancellationToken);
        }
        await CountAsync<FeedbackCountsEntity>(articleId, CountsRow, c =>
        {
            if (helpful) c.Helpful++; else c.NotHelpful++;
            if (comment is not null) c.Comments++;
        }, cancellationToken);
    }

    public async Task<FeedbackCountsEntity> CountsAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<FeedbackCountsEntity>(articleId, CountsRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : new FeedbackCountsEntity { PartitionKey = articleId };
    }

    /// <summary>Every article's counts (one row per article that has any).</summary>
    public async Task<IReadOnlyList<FeedbackCountsEntity>> AllCountsAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<FeedbackCountsEntity>();
        await foreach (var row in Table.QueryAsync<FeedbackCountsEntity>(e => e.RowKey == CountsRow, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>An article's comments, newest first.</summary>
    public async Task<IReadOnlyList<FeedbackCommentEntity>> CommentsAsync(string articleId, int limit, CancellationToken cancellationToken = default)
    {
        var rows = new List<FeedbackCommentEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {articleId} and RowKey ge 'm' and RowKey lt 'n'");
        await foreach (var row in Table.QueryAsync<FeedbackCommentEntity>(filter, maxPerPage: limit, cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == limit)
            {
                break;
            }
        }
        return rows;
    }

    public Task AddSearchMissAsync(string query, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        CountAsync<SearchMissEntity>(MissPartition, KeyEncoding.Escape(query), m => (m.Query, m.Count, m.LastAt) = (query, m.Count + 1, at), cancellationToken);

    /// <summary>Every recorded miss (the list is bounded by what people type; the most frequent are what to write next).</summary>
    public async Task<IReadOnlyList<SearchMissEntity>> SearchMissesAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<SearchMissEntity>();
        await foreach (var row in Table.QueryAsync<SearchMissEntity>(e => e.PartitionKey == MissPartition, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Marks what a contact form visit did; marks only add (a merge), so beacons may arrive in any order.</summary>
    public Task MarkVisitAsync(string session, DateTimeOffset at, bool visited = false, bool opened = false, bool submitted = false, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new ContactVisitEntity
        {
            PartitionKey = "visit-" + Week(at), RowKey = session,
            Visited = visited ? true : null, Opened = opened ? true : null, Submitted = submitted ? true : null,
        }, TableUpdateMode.Merge, cancellationToken);

    public async Task<IReadOnlyList<ContactVisitEntity>> VisitsAsync(string week, CancellationToken cancellationToken = default)
    {
        var rows = new List<ContactVisitEntity>();
        var partition = "visit-" + week;
        await foreach (var row in Table.QueryAsync<ContactVisitEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// Counts one public request from a caller (<paramref name="callerHash"/>, hashed: no address is stored) under a
    /// named limit; returns when the next is allowed, or null when this one was counted. Row <c>throttle-{name}-{hash}</c>.
    /// </summary>
    public Task<DateTimeOffset?> TryCountRequestAsync(string name, string callerHash, DateTimeOffset now, TimeSpan window, int limit, CancellationToken cancellationToken = default) =>
        RequestThrottle.TryCountAsync(Table, $"throttle-{name}-{callerHash}", now, window, limit, cancellationToken);

    private async Task CountAsync<T>(string partition, string row, Action<T> change, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<T>(partition, row, cancellationToken: cancellationToken);
            var entity = existing.HasValue ? existing.Value! : new T { PartitionKey = partition, RowKey = row };
            change(entity);
            try
            {
                if (existing.HasValue)
                {
                    await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(entity, cancellationToken);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                // Another vote counted first: count on top of theirs.
            }
        }
    }
}
