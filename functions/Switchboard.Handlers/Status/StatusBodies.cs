using Switchboard.Core.Status;

namespace Switchboard.Handlers.Status;

/// <summary><c>POST /api/status/components</c>: a component on the page; a new one starts operational unless told.</summary>
public sealed record NewComponent(string? Name, string? Group, string? Description, ComponentState? State, int? Position);

/// <summary>A component and the state an incident update puts it in.</summary>
public sealed record ComponentStateBody(string? Id, ComponentState? State);

/// <summary><c>POST /api/status/incidents</c>: an incident and its first update.</summary>
public sealed record NewIncident(string? Title, IncidentImpact? Impact, IncidentStatus? Status, string? Message,
    IReadOnlyList<ComponentStateBody>? Components, bool Notify = true);

/// <summary><c>POST /api/status/incidents/{id}/updates</c>: the next entry of the timeline; impact may be revised.</summary>
public sealed record NewIncidentUpdate(IncidentStatus? Status, string? Message, IReadOnlyList<ComponentStateBody>? Components,
    bool Notify = true, IncidentImpact? Impact = null);

/// <summary><c>PUT /api/status/incidents/{id}/postmortem</c>: the write-up of a resolved incident (Markdown-free text).</summary>
public sealed record PostmortemBody(string? Text);

/// <summary><c>POST /api/status/maintenances</c>: planned work on some components in a window.</summary>
public sealed record NewMaintenance(string? Title, string? Message, IReadOnlyList<string>? Components, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

/// <summary><c>POST /api/status/templates</c>: words for a common update.</summary>
public sealed record NewTemplate(string? Name, string? Title, IncidentStatus? Status, string? Message);

/// <summary>An incident as the API shows it.</summary>
public sealed record IncidentView(string Id, string Title, IncidentImpact Impact, IncidentStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt, IReadOnlyCollection<string> Components, IReadOnlyList<IncidentUpdate> Updates, string? Postmortem)
{
    public static IncidentView Of(Incident i) =>
        new(i.Id, i.Title, i.Impact, i.Status, i.CreatedAt, i.ResolvedAt, i.AffectedComponentIds, i.Updates, i.Postmortem);
}

public sealed record ComponentList(IReadOnlyList<StatusComponent> Items);

public sealed record IncidentList(IReadOnlyList<IncidentView> Items);

public sealed record MaintenanceList(IReadOnlyList<Maintenance> Items);

public sealed record TemplateList(IReadOnlyList<IncidentTemplate> Items);
