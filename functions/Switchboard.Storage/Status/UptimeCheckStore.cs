using System.Globalization;
using Switchboard.Core.Status;

namespace Switchboard.Storage.Status;

/// <summary>
/// Table <c>StatusChecks</c>: each check with its state in partition <c>check</c> (row key: the check id), and its
/// daily tallies in partition <c>{checkId}</c> (row key: <c>yyyy-MM-dd</c>, UTC), read as one range for the 90 days.
/// </summary>
public sealed class UptimeCheckStore(StorageAccount storage)
{
    private const string CheckPartition = "check";

    private TableClient Table => storage.Table(StorageLayout.StatusChecksTable);

    public static string NewCheckId() => "k" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5));

    public Task AddAsync(UptimeCheck check, UptimeCheckState state, CancellationToken cancellationToken = default) =>
        Table.AddEntityAsync(Row(check, state), cancellationToken);

    public async Task<(UptimeCheck Check, UptimeCheckState State, ETag ETag)?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!StatusStore.IsWellFormedId(id))
        {
            return null;
        }
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(CheckPartition, id, cancellationToken: cancellationToken);
        return row.HasValue ? (Check(row.Value!), State(row.Value!), row.Value!.ETag) : null;
    }

    public async Task<IReadOnlyList<(UptimeCheck Check, UptimeCheckState State)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<(UptimeCheck, UptimeCheckState)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == CheckPartition, cancellationToken: cancellationToken))
        {
            result.Add((Check(row), State(row)));
        }
        return result;
    }

    /// <summary>Replaces the check's row if it has not changed since read (else 412 surfaces: another run took this one).</summary>
    public async Task<ETag> SaveAsync(UptimeCheck check, UptimeCheckState state, ETag etag, CancellationToken cancellationToken = default) =>
        (await Table.UpdateEntityAsync(Row(check, state), etag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? ETag.All;

    /// <summary>Removes a check; a run already queued for it finds no row and does nothing. Its tallies stay (they expire from view after 90 days).</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(CheckPartition, id, ETag.All, cancellationToken);

    /// <summary>Adds one run to its day's tally. Runs of one check never overlap (its state row admits one at a time).</summary>
    public async Task RecordRunAsync(string checkId, DateTimeOffset at, bool up, int responseMs, CancellationToken cancellationToken = default)
    {
        var key = Day(DateOnly.FromDateTime(at.UtcDateTime));
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(checkId, key, cancellationToken: cancellationToken);
        var row = found.HasValue ? found.Value! : new TableEntity(checkId, key);
        row["Runs"] = (row.GetInt32("Runs") ?? 0) + 1;
        row["FailedRuns"] = (row.GetInt32("FailedRuns") ?? 0) + (up ? 0 : 1);
        row["TotalResponseMs"] = (row.GetInt64("TotalResponseMs") ?? 0) + responseMs;
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The days since <paramref name="since"/> that had runs, oldest first.</summary>
    public async Task<IReadOnlyList<UptimeCheckDay>> DaysAsync(string checkId, DateOnly since, CancellationToken cancellationToken = default)
    {
        var days = new List<UptimeCheckDay>();
        var from = Day(since);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == checkId && e.RowKey.CompareTo(from) >= 0, cancellationToken: cancellationToken))
        {
            days.Add(new UptimeCheckDay(DateOnly.ParseExact(row.RowKey, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.GetInt32("Runs") ?? 0, row.GetInt32("FailedRuns") ?? 0, row.GetInt64("TotalResponseMs") ?? 0));
        }
        return days;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TableEntity Row(UptimeCheck c, UptimeCheckState s) => new(CheckPartition, c.Id)
    {
        ["ComponentId"] = c.ComponentId, ["Url"] = c.Url, ["IntervalMinutes"] = c.IntervalMinutes, ["ExpectedStatus"] = c.ExpectedStatus,
        ["BodyContains"] = c.BodyContains, ["TimeoutSeconds"] = c.TimeoutSeconds, ["OpenIncident"] = c.OpenIncident,
        ["PageScheduleId"] = c.PageScheduleId, ["CreatedAt"] = c.CreatedAt,
        ["NextRunAt"] = s.NextRunAt, ["FailedRuns"] = s.FailedRuns, ["Down"] = s.Down, ["IncidentId"] = s.IncidentId,
        ["LastRunAt"] = s.LastRunAt, ["LastRunUp"] = s.LastRunUp,
        ["RecentResponseMs"] = string.Join(',', s.RecentResponseMs.Select(ms => ms.ToString(CultureInfo.InvariantCulture))),
    };

    private static UptimeCheck Check(TableEntity e) => new(
        e.RowKey, e.GetString("ComponentId"), e.GetString("Url"), e.GetInt32("IntervalMinutes") ?? 1, e.GetInt32("ExpectedStatus") ?? 200,
        e.GetString("BodyContains"), e.GetInt32("TimeoutSeconds") ?? UptimeCheck.DefaultTimeoutSeconds, e.GetBoolean("OpenIncident") ?? false,
        e.GetString("PageScheduleId"), e.GetDateTimeOffset("CreatedAt") ?? default);

    private static UptimeCheckState State(TableEntity e) => new(
        e.GetDateTimeOffset("NextRunAt") ?? default, e.GetInt32("FailedRuns") ?? 0, e.GetBoolean("Down") ?? false, e.GetString("IncidentId"),
        e.GetDateTimeOffset("LastRunAt"), e.GetBoolean("LastRunUp"),
        (e.GetString("RecentResponseMs") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList());
}
