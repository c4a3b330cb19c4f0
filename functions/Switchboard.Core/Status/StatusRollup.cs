namespace Switchboard.Core.Status;

/// <summary>
/// The page's one-line verdict. The worst of the components' states and the open incidents' impacts decides it:
/// degraded performance or a minor incident is <c>minor</c>, a partial outage or a major incident <c>major</c>, a major
/// outage or a critical incident <c>critical</c>. Maintenance shows only when nothing is wrong, since planned work
/// is less news than a failure.
/// </summary>
public static class StatusRollup
{
    public static StatusIndicator Overall(IEnumerable<ComponentState> components, IEnumerable<IncidentImpact> openIncidentImpacts)
    {
        var states = components.ToList();
        var worst = states.Select(Of).Concat(openIncidentImpacts.Select(Of)).DefaultIfEmpty(StatusIndicator.None).Max();
        return worst == StatusIndicator.None && states.Contains(ComponentState.UnderMaintenance) ? StatusIndicator.Maintenance : worst;
    }

    public static StatusIndicator Overall(IEnumerable<StatusComponent> components, IEnumerable<Incident> incidents) =>
        Overall(components.Select(c => c.State), incidents.Where(i => !i.IsResolved).Select(i => i.Impact));

    public static string Describe(StatusIndicator indicator) => indicator switch
    {
        StatusIndicator.None => "All Systems Operational",
        StatusIndicator.Maintenance => "Service Under Maintenance",
        StatusIndicator.Minor => "Minor Service Disruption",
        StatusIndicator.Major => "Partial System Outage",
        _ => "Major System Outage",
    };

    /// <summary>A group's state: the worst of its components'.</summary>
    public static ComponentState Worst(IEnumerable<ComponentState> states) =>
        states.DefaultIfEmpty(ComponentState.Operational)
            .MaxBy(s => s == ComponentState.UnderMaintenance ? 0.5 : (double)s);

    private static StatusIndicator Of(ComponentState state) => state switch
    {
        ComponentState.DegradedPerformance => StatusIndicator.Minor,
        ComponentState.PartialOutage => StatusIndicator.Major,
        ComponentState.MajorOutage => StatusIndicator.Critical,
        _ => StatusIndicator.None,
    };

    private static StatusIndicator Of(IncidentImpact impact) => impact switch
    {
        IncidentImpact.Minor => StatusIndicator.Minor,
        IncidentImpact.Major => StatusIndicator.Major,
        IncidentImpact.Critical => StatusIndicator.Critical,
        _ => StatusIndicator.None,
    };
}
