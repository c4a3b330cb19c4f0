using System.Text.Json;
using Switchboard.Core.Status;

namespace Switchboard.Storage.Status;

/// <summary>
/// The rows of table <c>StatusPage</c>, all in partition <c>page</c> so an incident update, its incident and the
/// components it changes commit in one entity group transaction. Row keys carry a kind prefix, so each kind is one
/// range: <c>component|{id}</c>, <c>incident|{id}</c> then its updates <c>incident|{id}|{ticks}</c>,
/// <c>maintenance|{id}</c>, <c>template|{id}</c>.
/// </summary>
internal static class StatusRows
{
    public const string Partition = "page";
    public const string ComponentPrefix = "component|";
    public const string IncidentPrefix = "incident|";
    public const string MaintenancePrefix = "maintenance|";
    public const string TemplatePrefix = "template|";

    /// <summary>The first row key after every key that starts with <paramref name="prefix"/>.</summary>
    public static string End(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static TableEntity Component(StatusComponent c) => new(Partition, ComponentPrefix + c.Id)
    {
        ["Name"] = c.Name, ["Group"] = c.Group, ["Description"] = c.Description,
        ["State"] = StatusNames.Of(c.State), ["Position"] = c.Position,
    };

    public static StatusComponent Component(TableEntity e) => new(
        e.RowKey[ComponentPrefix.Length..], e.GetString("Name"), e.GetString("Group"), e.GetString("Description"),
        StatusNames.Parse<ComponentState>(e.GetString("State")), e.GetInt32("Position") ?? 0);

    /// <summary>Only the state of a component, merged into its row.</summary>
    public static TableEntity ComponentState(ComponentChange change) =>
        new(Partition, ComponentPrefix + change.ComponentId) { ["State"] = StatusNames.Of(change.State) };

    public static TableEntity IncidentHeader(Incident i) => new(Partition, IncidentPrefix + i.Id)
    {
        ["Title"] = i.Title, ["Impact"] = StatusNames.Of(i.Impact), ["Status"] = StatusNames.Of(i.Status),
        ["CreatedAt"] = i.CreatedAt, ["ResolvedAt"] = i.ResolvedAt,
        ["Affected"] = string.Join(',', i.AffectedComponentIds), ["Postmortem"] = i.Postmortem,
    };

    public static TableEntity Update(string incidentId, IncidentUpdate u) =>
        new(Partition, $"{IncidentPrefix}{incidentId}|{u.At.UtcTicks:D19}")
        {
            ["At"] = u.At, ["Status"] = StatusNames.Of(u.Status), ["Message"] = u.Message, ["Notify"] = u.Notify,
            ["Components"] = JsonSerializer.Serialize(u.Components, JsonDefaults.Options),
        };

    public static IncidentUpdate Update(TableEntity e) => new(
        e.GetDateTimeOffset("At")!.Value, StatusNames.Parse<IncidentStatus>(e.GetString("Status")), e.GetString("Message"),
        JsonSerializer.Deserialize<List<ComponentChange>>(e.GetString("Components"), JsonDefaults.Options) ?? [],
        e.GetBoolean("Notify") ?? false);

    /// <summary>Incidents from a range of headers each followed by its updates, in row key order.</summary>
    public static List<(Incident Incident, Azure.ETag ETag)> Incidents(IEnumerable<TableEntity> rows)
    {
        var result = new List<(Incident, Azure.ETag)>();
        TableEntity? header = null;
        var updates = new List<IncidentUpdate>();
        foreach (var row in rows.Append(null))
        {
            if (row is not null && header is not null && row.RowKey.StartsWith(header.RowKey + "|", StringComparison.Ordinal))
            {
                updates.Add(Update(row));
                continue;
            }
            if (header is not null)
            {
                result.Add((new Incident(header.RowKey[IncidentPrefix.Length..], header.GetString("Title"),
                    StatusNames.Parse<IncidentImpact>(header.GetString("Impact")), StatusNames.Parse<IncidentStatus>(header.GetString("Status")),
                    header.GetDateTimeOffset("CreatedAt")!.Value, header.GetDateTimeOffset("ResolvedAt"),
                    (header.GetString("Affected") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), updates,
                    header.GetString("Postmortem")), header.ETag));
            }
            header = row;
            updates = [];
        }
        return result;
    }

    public static TableEntity Maintenance(Maintenance m) => new(Partition, MaintenancePrefix + m.Id)
    {
        ["Title"] = m.Title, ["Message"] = m.Message, ["Components"] = string.Join(',', m.ComponentIds),
        ["StartsAt"] = m.StartsAt, ["EndsAt"] = m.EndsAt, ["Status"] = StatusNames.Of(m.Status), ["ScheduledAt"] = m.ScheduledAt,
    };

    public static Maintenance Maintenance(TableEntity e) => new(
        e.RowKey[MaintenancePrefix.Length..], e.GetString("Title"), e.GetString("Message"),
        (e.GetString("Components") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.GetDateTimeOffset("StartsAt")!.Value, e.GetDateTimeOffset("EndsAt")!.Value,
        StatusNames.Parse<MaintenanceStatus>(e.GetString("Status")), e.GetDateTimeOffset("ScheduledAt")!.Value);

    public static TableEntity Template(IncidentTemplate t) => new(Partition, TemplatePrefix + t.Id)
    {
        ["Name"] = t.Name, ["Title"] = t.Title, ["Status"] = StatusNames.Of(t.Status), ["Message"] = t.Message,
    };

    public static IncidentTemplate Template(TableEntity e) => new(
        e.RowKey[TemplatePrefix.Length..], e.GetString("Name"), e.GetString("Title"),
        StatusNames.Parse<IncidentStatus>(e.GetString("Status")), e.GetString("Message"));
}
