namespace Switchboard.Core.Status;

/// <summary>
/// An incident and its timeline. Rules: it opens with a first update; status may move to any unresolved stage
/// (a fix that did not hold goes back from monitoring to identified) until it is resolved, which is final; resolving
/// returns every affected component the update does not name to operational; only a resolved incident takes a
/// post-mortem. Every component an update names joins the affected ones.
/// </summary>
public sealed class Incident
{
    public const int MaxTitleLength = 200;
    public const int MaxMessageLength = 5_000;
    public const int MaxPostmortemLength = 30_000;
    public const int MaxUpdates = 100;

    private readonly List<IncidentUpdate> updates;
    private readonly SortedSet<string> affected;

    public Incident(string id, string title, IncidentImpact impact, IncidentStatus status, DateTimeOffset createdAt,
        DateTimeOffset? resolvedAt, IEnumerable<string> affectedComponentIds, IEnumerable<IncidentUpdate> updates, string? postmortem)
    {
        Id = id;
        Title = title;
        Impact = impact;
        Status = status;
        CreatedAt = createdAt;
        ResolvedAt = resolvedAt;
        affected = new SortedSet<string>(affectedComponentIds, StringComparer.Ordinal);
        this.updates = updates.OrderBy(u => u.At).ToList();
        Postmortem = postmortem;
    }

    public string Id { get; }
    public string Title { get; private set; }
    public IncidentImpact Impact { get; private set; }
    public IncidentStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Postmortem { get; private set; }
    public bool IsResolved => Status == IncidentStatus.Resolved;
    public IReadOnlyCollection<string> AffectedComponentIds => affected;
    public IReadOnlyList<IncidentUpdate> Updates => updates;

    /// <summary>A new incident with its first update (which may already be <c>resolved</c>, to record one after the fact).</summary>
    public static Incident Open(string id, string title, IncidentImpact impact, IncidentStatus status, string message,
        IReadOnlyList<ComponentChange> components, bool notify, DateTimeOffset now)
    {
        var incident = new Incident(id, title, impact, IncidentStatus.Investigating, now, null, [], [], null);
        incident.AddUpdate(status, message, components, notify, now, impact: null);
        return incident;
    }

    /// <summary>
    /// Adds an update. Returns it with the component states to apply: the ones named, plus, when this resolves the
    /// incident, every other affected component back to operational.
    /// </summary>
    public IncidentUpdate AddUpdate(IncidentStatus status, string message, IReadOnlyList<ComponentChange> components,
        bool notify, DateTimeOffset now, IncidentImpact? impact)
    {
        if (IsResolved)
        {
            throw new StatusRuleException("This incident is resolved; open a new one if the problem is back.");
        }
        if (updates.Count >= MaxUpdates)
        {
            throw new StatusRuleException($"An incident keeps at most {MaxUpdates} updates.");
        }
        var changes = components.DistinctBy(c => c.ComponentId).ToList();
        if (status == IncidentStatus.Resolved)
        {
            changes.AddRange(affected.Where(id => changes.All(c => c.ComponentId != id))
                .Select(id => new ComponentChange(id, ComponentState.Operational)));
            ResolvedAt = now;
        }
        foreach (var change in changes)
        {
            affected.Add(change.ComponentId);
        }
        Status = status;
        Impact = impact ?? Impact;
        // Two updates in the same tick still keep their order.
        var at = updates.Count > 0 && now <= updates[^1].At ? updates[^1].At.AddTicks(1) : now;
        var update = new IncidentUpdate(at, status, message, changes, notify);
        updates.Add(update);
        return update;
    }

    public void WritePostmortem(string text)
    {
        if (!IsResolved)
        {
            throw new StatusRuleException("A post-mortem is written once the incident is resolved.");
        }
        Postmortem = text;
    }
}

/// <summary>One entry of an incident's timeline: what was said, when, and the states components were put in.</summary>
public sealed record IncidentUpdate(DateTimeOffset At, IncidentStatus Status, string Message, IReadOnlyList<ComponentChange> Components, bool Notify);

/// <summary>Words agents reuse for common updates ("We are investigating elevated error rates").</summary>
public sealed record IncidentTemplate(string Id, string Name, string Title, IncidentStatus Status, string Message);
