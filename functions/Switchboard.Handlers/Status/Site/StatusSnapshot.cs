using Switchboard.Core.Status;
using Switchboard.Storage.StaticSite;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Site;

/// <summary>Everything the public page shows, read once and rendered into every file of the section.</summary>
public sealed record StatusSnapshot(
    string PageName, string PageUrl, string ApiOrigin, DateTimeOffset UpdatedAt,
    IReadOnlyList<StatusComponent> Components, IReadOnlyList<Incident> Incidents, IReadOnlyList<Maintenance> Maintenances,
    IReadOnlyDictionary<string, IReadOnlyList<UptimeCheckDay>>? CheckDays = null)
{
    public StatusIndicator Indicator => StatusRollup.Overall(Components, Incidents);

    public IEnumerable<Incident> Active => Incidents.Where(i => !i.IsResolved);

    public IEnumerable<Incident> Past => Incidents.Where(i => i.IsResolved);

    /// <summary>Windows not yet completed (nor cancelled): in progress first, then upcoming by start.</summary>
    public IEnumerable<Maintenance> OpenMaintenances =>
        Maintenances.Where(m => m.Status is MaintenanceStatus.Scheduled or MaintenanceStatus.InProgress).OrderByDescending(m => m.Status).ThenBy(m => m.StartsAt);

    /// <summary>A component with an uptime check: measured by its daily tallies; else worked out from incidents.</summary>
    public IReadOnlyList<UptimeDay> Uptime(string componentId) =>
        CheckDays is not null && CheckDays.TryGetValue(componentId, out var tallies)
            ? UptimeHistory.FromChecks(tallies, DateOnly.FromDateTime(UpdatedAt.UtcDateTime), StatusPageModel.HistoryDays)
            : UptimeHistory.Daily(componentId, Incidents, UpdatedAt, StatusPageModel.HistoryDays);

    /// <summary>A past incident or window may name a component deleted since.</summary>
    public string ComponentName(string id) => Components.FirstOrDefault(c => c.Id == id)?.Name ?? "Removed component";
}

/// <summary>
/// Reads the <see cref="StatusSnapshot"/> from <see cref="StatusStore"/> (three ranges of one partition) and, per
/// uptime check, its 90 days of tallies (one range each; nothing when there are no checks).
/// </summary>
public sealed class StatusPageModel(
    StatusStore store, UptimeCheckStore checks, IOptions<StatusPageOptions> options, IOptions<StaticSiteOptions> site, TimeProvider time)
{
    public const int HistoryDays = 90;
    public static readonly TimeSpan History = TimeSpan.FromDays(HistoryDays);

    public async Task<StatusSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return new StatusSnapshot(options.Value.Name, options.Value.Url, site.Value.ApiOrigin, now,
            await store.ListComponentsAsync(cancellationToken),
            await store.ListIncidentsAsync(now - History, cancellationToken),
            await store.ListMaintenancesAsync(now - History, cancellationToken),
            await CheckDaysAsync(now, cancellationToken));
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<UptimeCheckDay>>> CheckDaysAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - HistoryDays);
        var days = new Dictionary<string, IReadOnlyList<UptimeCheckDay>>(StringComparer.Ordinal);
        foreach (var (check, _) in await checks.ListAsync(cancellationToken))
        {
            var tallies = await checks.DaysAsync(check.Id, since, cancellationToken);
            days[check.ComponentId] = days.TryGetValue(check.ComponentId, out var earlier) ? [.. earlier, .. tallies] : tallies;
        }
        return days;
    }
}
