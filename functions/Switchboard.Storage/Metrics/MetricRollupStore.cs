using System.Globalization;
using Switchboard.Core.Metrics;

namespace Switchboard.Storage.Metrics;

/// <summary>A roll-up as stored, with the ETag to write it back with (null: not stored yet).</summary>
public sealed record StoredRollup(string Period, MetricRollup Rollup, ETag? ETag);

/// <summary>When a day's roll-up was last recomputed by an event, whether facts came since (dirty), and the row's ETag.</summary>
public sealed record RollupState(DateOnly Day, DateTimeOffset? RecomputedAt, bool Dirty, ETag ETag);

/// <summary>
/// Table <c>MetricRollups</c>: PartitionKey = scope (as <see cref="MetricFactStore.Scope"/>), RowKey =
/// <c>d|yyyy-MM-dd</c> for a UTC day or <c>w|yyyy-Www</c> for an ISO week; one property per count of
/// <see cref="MetricCounts"/>, one text property per histogram, and Backlog. A dashboard reads one key range.
/// RowKey <c>s|yyyy-MM-dd</c> is the day's <see cref="RollupState"/> (RecomputedAt, Dirty).
/// </summary>
public sealed class MetricRollupStore(StorageAccount storage)
{
    private static readonly string[] Histograms =
        [nameof(MetricRollup.FirstResponse), nameof(MetricRollup.FirstResponseBusiness), nameof(MetricRollup.Resolution),
            nameof(MetricRollup.ResolutionBusiness), nameof(MetricRollup.PageAcknowledgement)];

    private TableClient Table => storage.Table(StorageLayout.MetricRollupsTable);

    public static string DayKey(DateOnly day) => "d|" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string WeekKey(DateOnly day) => "w|" + IsoWeek(day);

    /// <summary>2026-W49: the ISO week <paramref name="day"/> is in.</summary>
    public static string IsoWeek(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}");

    public static string StateKey(DateOnly day) => "s|" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public async Task<StoredRollup?> GetAsync(string scope, string rowKey, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(scope, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>The roll-ups of one scope with keys from <paramref name="fromKey"/> to <paramref name="toKey"/> (inclusive), in order: one range query.</summary>
    public async Task<IReadOnlyList<StoredRollup>> RangeAsync(string scope, string fromKey, string toKey, CancellationToken cancellationToken = default)
    {
        var rows = new List<StoredRollup>();
        await foreach (var row in Table.QueryAsync<TableEntity>(
            e => e.PartitionKey == scope && e.RowKey.CompareTo(fromKey) >= 0 && e.RowKey.CompareTo(toKey) <= 0, cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }
        return rows;
    }

    /// <summary>
    /// Writes a recomputed roll-up only if the stored one is still the one read (<paramref name="etag"/>; null: only if
    /// there is none). False, writing nothing, when another writer got there first: recompute and try again.
    /// </summary>
    public async Task<bool> TrySaveAsync(string scope, string rowKey, MetricRollup rollup, ETag? etag, CancellationToken cancellationToken = default)
    {
        var entity = ToEntity(scope, rowKey, rollup);
        try
        {
            if (etag is { } match)
            {
                await Table.UpdateEntityAsync(entity, match, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await Table.AddEntityAsync(entity, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    public async Task<RollupState?> GetStateAsync(string scope, DateOnly day, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(scope, StateKey(day), cancellationToken: cancellationToken);
        return row.HasValue ? StateOf(row.Value!) : null;
    }

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> (inclusive) with facts their roll-up lacks: one range query.</summary>
    public async Task<IReadOnlyList<RollupState>> DirtyDaysAsync(string scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var (fromKey, toKey) = (StateKey(from), StateKey(to));
        var dirty = new List<RollupState>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope} and RowKey ge {fromKey} and RowKey le {toKey} and Dirty eq {true}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            dirty.Add(StateOf(row));
        }
        return dirty;
    }

    /// <summary>
    /// Takes the day's recompute for whoever changes the state row first since <paramref name="etag"/> was read (null:
    /// nobody has written it yet): it records the time and clears Dirty. False when another writer got there first.
    /// </summary>
    public async Task<bool> TryClaimRecomputeAsync(string scope, DateOnly day, ETag? etag, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(scope, StateKey(day)) { ["RecomputedAt"] = now };
        try
        {
            await (etag is { } match
                ? Table.UpdateEntityAsync(entity, match, TableUpdateMode.Replace, cancellationToken)
                : Table.AddEntityAsync(entity, cancellationToken));
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Says the day has facts its roll-up lacks (a merge: it never fails on a concurrent writer).</summary>
    public Task MarkDirtyAsync(string scope, DateOnly day, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(scope, StateKey(day)) { ["Dirty"] = true }, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Clears Dirty unless the row changed since <paramref name="etag"/> (a fact came during the recompute: it stays dirty).</summary>
    public async Task TryClearDirtyAsync(RollupState state, string scope, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.UpdateEntityAsync(new TableEntity(scope, StateKey(state.Day)) { ["Dirty"] = false }, state.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
        }
    }

    private static RollupState StateOf(TableEntity row) =>
        new(DateOnly.ParseExact(row.RowKey[2..], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.GetDateTimeOffset("RecomputedAt"), row.GetBoolean("Dirty") == true, row.ETag);

    private static TableEntity ToEntity(string scope, string rowKey, MetricRollup rollup)
    {
        var entity = new TableEntity(scope, rowKey);
        foreach (var (name, count) in rollup.Counts.Counts)
        {
            entity[name] = count;
        }
        foreach (var name in Histograms)
        {
            entity[name] = Histogram(rollup, name).ToString();
        }
        if (rollup.Backlog is { } backlog)
        {
            entity["Backlog"] = backlog;
        }
        return entity;
    }

    private static StoredRollup FromEntity(TableEntity row)
    {
        var rollup = new MetricRollup { Backlog = row.GetInt32("Backlog") };
        foreach (var name in MetricCounts.All)
        {
            rollup.Counts.Add(name, row.GetInt64(name) ?? 0);
        }
        foreach (var name in Histograms)
        {
            Histogram(rollup, name).Merge(DurationHistogram.Parse(row.GetString(name)));
        }
        return new StoredRollup(row.RowKey, rollup, row.ETag);
    }

    private static DurationHistogram Histogram(MetricRollup rollup, string name) => name switch
    {
        nameof(MetricRollup.FirstResponse) => rollup.FirstResponse,
        nameof(MetricRollup.FirstResponseBusiness) => rollup.FirstResponseBusiness,
        nameof(MetricRollup.Resolution) => rollup.Resolution,
        nameof(MetricRollup.ResolutionBusiness) => rollup.ResolutionBusiness,
        _ => rollup.PageAcknowledgement,
    };
}
