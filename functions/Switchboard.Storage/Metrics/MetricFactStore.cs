using System.Globalization;
using Switchboard.Core.Metrics;

namespace Switchboard.Storage.Metrics;

/// <summary>
/// Table <c>MetricFacts</c>. The facts of a day: PartitionKey = scope + "|" + yyyy-MM-dd (UTC), RowKey = what the fact is
/// about (<c>first-response|{conversationId}</c>, <c>rating|{messageRowKey}</c>…), so recording it again replaces it.
/// A scope is a mailbox (lower case, key-escaped) or <see cref="AllMailboxes"/>. Beside them: the conversations of a
/// scope that are not closed (<c>{scope}|open</c>, RowKey = conversation id: the backlog) and the replies of each
/// conversation (<c>conversation|{id}</c>, RowKey = reply row key: replies per conversation when it closes).
/// </summary>
public sealed class MetricFactStore(StorageAccount storage)
{
    public const string AllMailboxes = "_all";

    private TableClient Table => storage.Table(StorageLayout.MetricFactsTable);

    public static string Scope(string? mailbox) =>
        string.IsNullOrWhiteSpace(mailbox) ? AllMailboxes : KeyEncoding.Escape(mailbox.Trim().ToLowerInvariant());

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static string DayPartition(string scope, DateOnly day) => $"{scope}|{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string OpenPartition(string scope) => scope + "|open";

    private static string ConversationPartition(string conversationId) => "conversation|" + conversationId;

    /// <summary>Records (or replaces) the fact <paramref name="key"/> of <paramref name="day"/>.</summary>
    public Task PutAsync(string scope, DateOnly day, string key, MetricFact fact, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(ToEntity(DayPartition(scope, day), key, fact), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Adds what <paramref name="fact"/> says to the fact <paramref name="key"/>, keeping what it said before (a KB visit's steps).</summary>
    public Task MergeAsync(string scope, DateOnly day, string key, MetricFact fact, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(ToEntity(DayPartition(scope, day), key, fact), TableUpdateMode.Merge, cancellationToken);

    public async Task<MetricFact?> GetAsync(string scope, DateOnly day, string key, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(DayPartition(scope, day), key, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public Task RemoveAsync(string scope, DateOnly day, string key, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(DayPartition(scope, day), key, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<MetricFact>> ReadDayAsync(string scope, DateOnly day, CancellationToken cancellationToken = default)
    {
        var partition = DayPartition(scope, day);
        var facts = new List<MetricFact>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            facts.Add(FromEntity(row));
        }
        return facts;
    }

    /// <summary>A day's facts with their keys (the weekly digest finds the articles voted helpful by them).</summary>
    public async Task<IReadOnlyList<(string Key, MetricFact Fact)>> ReadDayKeyedAsync(string scope, DateOnly day, CancellationToken cancellationToken = default)
    {
        var partition = DayPartition(scope, day);
        var facts = new List<(string, MetricFact)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            facts.Add((row.RowKey, FromEntity(row)));
        }
        return facts;
    }

    public async Task<bool> IsOpenAsync(string scope, string conversationId, CancellationToken cancellationToken = default) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(OpenPartition(scope), conversationId, ["RowKey"], cancellationToken)).HasValue;

    public Task MarkOpenAsync(string scope, string conversationId, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(OpenPartition(scope), conversationId), TableUpdateMode.Replace, cancellationToken);

    public Task MarkNotOpenAsync(string scope, string conversationId, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(OpenPartition(scope), conversationId, cancellationToken: cancellationToken);

    /// <summary>The backlog of a scope now: reads the keys of its open conversations (done per event, never per dashboard view).</summary>
    public Task<int> CountOpenAsync(string scope, CancellationToken cancellationToken = default) =>
        CountAsync(OpenPartition(scope), cancellationToken);

    public Task AddReplyAsync(string conversationId, string replyRowKey, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(ConversationPartition(conversationId), replyRowKey), TableUpdateMode.Replace, cancellationToken);

    public Task<int> CountRepliesAsync(string conversationId, CancellationToken cancellationToken = default) =>
        CountAsync(ConversationPartition(conversationId), cancellationToken);

    private async Task<int> CountAsync(string partition, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    private static TableEntity ToEntity(string partition, string key, MetricFact fact)
    {
        var entity = new TableEntity(partition, key) { ["Kind"] = fact.Kind };
        void Set(string name, object? value)
        {
            if (value is not null)
            {
                entity[name] = value;
            }
        }
        Set(nameof(MetricFact.Seconds), fact.Seconds);
        Set(nameof(MetricFact.BusinessSeconds), fact.BusinessSeconds);
        Set(nameof(MetricFact.WithinTarget), fact.WithinTarget);
        Set(nameof(MetricFact.Replies), fact.Replies);
        Set(nameof(MetricFact.Rating), fact.Rating);
        Set(nameof(MetricFact.Yes), fact.Yes);
        Set(nameof(MetricFact.Submitted), fact.Submitted);
        Set(nameof(MetricFact.Score), fact.Score);
        return entity;
    }

    private static MetricFact FromEntity(TableEntity row) => new(
        row.GetString("Kind") ?? "",
        row.GetDouble(nameof(MetricFact.Seconds)),
        row.GetDouble(nameof(MetricFact.BusinessSeconds)),
        row.GetBoolean(nameof(MetricFact.WithinTarget)),
        row.GetInt32(nameof(MetricFact.Replies)),
        row.GetString(nameof(MetricFact.Rating)),
        row.GetBoolean(nameof(MetricFact.Yes)),
        row.GetBoolean(nameof(MetricFact.Submitted)),
        row.GetInt32(nameof(MetricFact.Score)));
}
