namespace Switchboard.Storage.Search;

/// <summary>
/// Table <c>SearchIndex</c>, an inverted index: PartitionKey = a term (escaped), RowKey = <see cref="RowKeyFor"/>:
/// newest-first ticks of the conversation's creation + "-" + conversation id. The RowKey of a conversation is the same
/// in every term's partition and never changes, so indexing is an idempotent upsert, and whether a conversation has a
/// term is one point read.
/// </summary>
public sealed class SearchIndexStore(StorageAccount storage)
{
    /// <summary>Upserts issued at once while indexing one item (each term is its own partition).</summary>
    private const int Parallelism = 8;

    private TableClient Table => storage.Table(StorageLayout.SearchIndexTable);

    /// <remarks>Whole milliseconds, so a head read back from storage (whatever precision it keeps) gives the same key.</remarks>
    public static string RowKeyFor(DateTimeOffset conversationCreatedAt, string conversationId)
    {
        var ticks = conversationCreatedAt.UtcTicks;
        return $"{KeyEncoding.NewestFirst(new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero))}-{conversationId}";
    }

    public static string PartitionKeyFor(string term) => KeyEncoding.Escape(term);

    /// <summary>
    /// Records that the conversation contains each term. Safe to repeat. Terms the conversation's term set says are
    /// indexed already are skipped: a reply mostly repeats its conversation's words, and one upsert per word was most
    /// of the queue side's storage time (docs/benchmarks.md, Ingest).
    /// </summary>
    public async Task AddAsync(IEnumerable<string> terms, string conversationId, DateTimeOffset conversationCreatedAt, CancellationToken cancellationToken = default)
    {
        var rowKey = RowKeyFor(conversationCreatedAt, conversationId);
        var set = await IndexedTermSet.ReadAsync(Table, conversationId, rowKey, cancellationToken);
        var missing = terms.Where(t => !set.Contains(t)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (term, ct) => await Table.UpsertEntityAsync(
                new TableEntity(PartitionKeyFor(term), rowKey) { ["ConversationId"] = conversationId }, TableUpdateMode.Replace, ct));
        // Only after every upsert succeeded, so the set never names a term that is not indexed.
        await set.AddAndSaveAsync(Table, missing, cancellationToken);
    }

    /// <summary>Up to <paramref name="take"/> row keys of the term's partition after <paramref name="afterRowKey"/>, newest first.</summary>
    public async Task<IReadOnlyList<SearchHit>> PageAsync(string term, string? afterRowKey, int take, CancellationToken cancellationToken = default)
    {
        var partition = PartitionKeyFor(term);
        var after = afterRowKey ?? "";
        var hits = new List<SearchHit>(take);
        var query = Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(after) > 0,
            maxPerPage: Math.Min(take, 1000), select: ["RowKey", "ConversationId"], cancellationToken: cancellationToken);
        await foreach (var row in query)
        {
            hits.Add(new SearchHit(row.RowKey, row.GetString("ConversationId") ?? ""));
            if (hits.Count == take)
            {
                break;
            }
        }
        return hits;
    }

    /// <summary>Whether the conversation of <paramref name="rowKey"/> has the term: one point read.</summary>
    public async Task<bool> ContainsAsync(string term, string rowKey, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeyFor(term), rowKey, ["RowKey"], cancellationToken);
        return row.HasValue;
    }
}

/// <summary>One conversation found under a term; <see cref="RowKey"/> is where the next page starts after it.</summary>
public sealed record SearchHit(string RowKey, string ConversationId);
