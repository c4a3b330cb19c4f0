using System.Text.Json;
using Switchboard.Core.Status;

namespace Switchboard.Handlers.Status.Site;

/// <summary>
/// <c>status.json</c>, a documented and stable contract (docs/api.md, "status.json"): fields are only ever added.
/// Incidents are those of the last 90 days, newest first; maintenances those not yet completed, earliest first.
/// </summary>
public static class StatusJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] Render(StatusSnapshot s) => JsonSerializer.SerializeToUtf8Bytes(Of(s), Options);

    public static StatusDocument Of(StatusSnapshot s) => new(
        new PageInfo(s.PageName, s.PageUrl),
        s.UpdatedAt,
        new OverallStatus(s.Indicator, StatusRollup.Describe(s.Indicator)),
        s.Components.Select(c => new ComponentEntry(c.Id, c.Name, c.Group, c.State,
            Math.Round(UptimeHistory.Mean(s.Uptime(c.Id)) * 100, 3))).ToList(),
        s.Incidents.Select(i => new IncidentEntry(i.Id, i.Title, i.Impact, i.Status, i.CreatedAt, i.ResolvedAt,
            $"{s.PageUrl}incidents/{i.Id}/", i.AffectedComponentIds.ToList(),
            i.Updates.Reverse().Select(u => new UpdateEntry(u.At, u.Status, u.Message, u.Components)).ToList())).ToList(),
        s.OpenMaintenances.Select(m => new MaintenanceEntry(m.Id, m.Title, m.Message, m.Status, m.StartsAt, m.EndsAt, m.ComponentIds)).ToList());
}

public sealed record StatusDocument(PageInfo Page, DateTimeOffset UpdatedAt, OverallStatus Status, IReadOnlyList<ComponentEntry> Components,
    IReadOnlyList<IncidentEntry> Incidents, IReadOnlyList<MaintenanceEntry> Maintenances);

public sealed record PageInfo(string Name, string Url);

public sealed record OverallStatus(StatusIndicator Indicator, string Description);

/// <param name="Uptime90d">Percentage of the last 90 days the component was up (see <see cref="UptimeHistory"/>).</param>
public sealed record ComponentEntry(string Id, string Name, string? Group, ComponentState State, double Uptime90d);

/// <param name="Updates">Newest first.</param>
public sealed record IncidentEntry(string Id, string Title, IncidentImpact Impact, IncidentStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt, string Url, IReadOnlyList<string> Components, IReadOnlyList<UpdateEntry> Updates);

public sealed record UpdateEntry(DateTimeOffset At, IncidentStatus Status, string Message, IReadOnlyList<ComponentChange> Components);

public sealed record MaintenanceEntry(string Id, string Title, string Message, MaintenanceStatus Status, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, IReadOnlyList<string> Components);
