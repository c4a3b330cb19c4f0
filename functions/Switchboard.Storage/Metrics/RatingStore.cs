namespace Switchboard.Storage.Metrics;

/// <summary>A customer's rating of one reply, with the comment they may have added.</summary>
public sealed record ReplyRating(string ConversationId, string MessageRowKey, string Rating, string? Comment, DateTimeOffset RatedAt);

/// <summary>
/// Table <c>Ratings</c>: PartitionKey = conversation id, RowKey = the rated reply's row key. One row per reply: a second
/// click replaces the rating (a change of mind), so the conversation's ratings are one partition query.
/// </summary>
public sealed class RatingStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.RatingsTable);

    /// <summary>Sets the rating, keeping any comment.</summary>
    public Task RateAsync(string conversationId, string messageRowKey, string rating, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(conversationId, messageRowKey) { ["Rating"] = rating, ["RatedAt"] = at }, TableUpdateMode.Merge, cancellationToken);

    public Task CommentAsync(string conversationId, string messageRowKey, string comment, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(conversationId, messageRowKey) { ["Comment"] = comment }, TableUpdateMode.Merge, cancellationToken);

    public async Task<ReplyRating?> GetAsync(string conversationId, string messageRowKey, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(conversationId, messageRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? From(row.Value!) : null;
    }

    public async Task<IReadOnlyList<ReplyRating>> ListAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var ratings = new List<ReplyRating>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == conversationId, cancellationToken: cancellationToken))
        {
            ratings.Add(From(row));
        }
        return ratings;
    }

    private static ReplyRating From(TableEntity row) =>
        new(row.PartitionKey, row.RowKey, row.GetString("Rating") ?? "", row.GetString("Comment"), row.GetDateTimeOffset("RatedAt") ?? default);
}
