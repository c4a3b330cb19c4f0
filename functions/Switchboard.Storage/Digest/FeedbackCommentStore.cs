namespace Switchboard.Storage.Digest;

/// <summary>Where a customer or reader comment came from.</summary>
public static class FeedbackSources
{
    public const string Rating = "rating";
    public const string Nps = "nps";
    public const string Kb = "kb";
}

/// <summary>A comment of the week: <paramref name="Positive"/> null when it is neither (an "okay" rating, an NPS passive).</summary>
/// <param name="About">What it is about: the rating or score given, or the article's title.</param>
public sealed record FeedbackComment(string Source, string Id, bool? Positive, string About, string Text, DateTimeOffset At);

/// <summary>
/// Table <c>FeedbackComments</c>: the comments customers and readers left (ratings, NPS, KB votes), by ISO week, for
/// the weekly digest. PartitionKey = ISO week (<c>2026-W10</c>), RowKey = <c>{source}|{id}</c> (the rated reply, the
/// survey, the KB comment), so a comment edited the same week replaces itself. Beside it, PartitionKey <c>sent</c>,
/// RowKey = the week: the digest of that week went out.
/// </summary>
public sealed class FeedbackCommentStore(StorageAccount storage)
{
    private const string SentPartition = "sent";

    private TableClient Table => storage.Table(StorageLayout.FeedbackCommentsTable);

    public Task AddAsync(FeedbackComment comment, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(IsoWeeks.Of(comment.At), $"{comment.Source}|{comment.Id}")
        {
            ["Source"] = comment.Source, ["Id"] = comment.Id, ["Positive"] = comment.Positive, ["About"] = comment.About,
            ["Text"] = comment.Text, ["At"] = comment.At,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<FeedbackComment>> WeekAsync(string isoWeek, CancellationToken cancellationToken = default)
    {
        var comments = new List<FeedbackComment>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == isoWeek, cancellationToken: cancellationToken))
        {
            comments.Add(new FeedbackComment(row.GetString("Source") ?? "", row.GetString("Id") ?? "", row.GetBoolean("Positive"),
                row.GetString("About") ?? "", row.GetString("Text") ?? "", row.GetDateTimeOffset("At") ?? default));
        }
        return comments;
    }

    /// <summary>Marks the week's digest sent; false when it was already (a second run of the weekly timer sends nothing).</summary>
    public async Task<bool> TryMarkSentAsync(string isoWeek, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(SentPartition, isoWeek) { ["At"] = at }, cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Undoes the mark when sending failed, so the next run tries again.</summary>
    public Task UnmarkSentAsync(string isoWeek, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(SentPartition, isoWeek, cancellationToken: cancellationToken);
}

/// <summary>ISO weeks (Monday to Sunday, UTC) as the digest and its comments name them: <c>2026-W10</c>.</summary>
public static class IsoWeeks
{
    public static string Of(DateTimeOffset at) => Of(DateOnly.FromDateTime(at.UtcDateTime));

    public static string Of(DateOnly day) => Metrics.MetricRollupStore.IsoWeek(day);
}
