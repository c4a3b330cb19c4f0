namespace Switchboard.Core.Status;

/// <summary>One UTC day of a component's history: its worst state that day and the share of the day it was up.</summary>
public sealed record UptimeDay(DateOnly Date, ComponentState Worst, double Uptime);

/// <summary>
/// A component's daily uptime, worked out from the states incident updates put it in. A major outage counts as down
/// for its whole length and a partial outage for 30% of it (Statuspage's weighting); degraded performance and
/// maintenance count as up. A state lasts until the next update naming the component (resolving names every affected
/// component) or, while the incident is open, until now.
/// </summary>
public static class UptimeHistory
{
    public const double PartialOutageWeight = 0.3;

    public static IReadOnlyList<UptimeDay> Daily(string componentId, IEnumerable<Incident> incidents, DateTimeOffset now, int days)
    {
        var spans = Spans(componentId, incidents, now).ToList();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var result = new List<UptimeDay>(days);
        for (var date = today.AddDays(1 - days); date <= today; date = date.AddDays(1))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var end = date == today ? now : start.AddDays(1);
            var length = (end - start).TotalSeconds;
            var down = 0.0;
            var worst = ComponentState.Operational;
            foreach (var (from, to, state) in spans)
            {
                var overlap = (Min(to, end) - Max(from, start)).TotalSeconds;
                if (overlap <= 0)
                {
                    continue;
                }
                worst = StatusRollup.Worst([worst, state]);
                down += overlap * Weight(state);
            }
            result.Add(new UptimeDay(date, worst, length <= 0 ? 1 : Math.Clamp(1 - down / length, 0, 1)));
        }
        return result;
    }

    /// <summary>The mean uptime of the days, as shown beside the bars ("99.95 % uptime").</summary>
    public static double Mean(IReadOnlyList<UptimeDay> days) => days.Count == 0 ? 1 : days.Average(d => d.Uptime);

    /// <summary>The intervals in which incidents held the component in a state other than operational.</summary>
    public static IEnumerable<(DateTimeOffset From, DateTimeOffset To, ComponentState State)> Spans(
        string componentId, IEnumerable<Incident> incidents, DateTimeOffset now)
    {
        foreach (var incident in incidents)
        {
            var marks = incident.Updates
                .SelectMany(u => u.Components.Where(c => c.ComponentId == componentId).Select(c => (u.At, c.State)))
                .ToList();
            for (var i = 0; i < marks.Count; i++)
            {
                var to = i + 1 < marks.Count ? marks[i + 1].At : incident.ResolvedAt ?? now;
                if (marks[i].State != ComponentState.Operational && to > marks[i].At)
                {
                    yield return (marks[i].At, to, marks[i].State);
                }
            }
        }
    }

    private static double Weight(ComponentState state) => state switch
    {
        ComponentState.MajorOutage => 1,
        ComponentState.PartialOutage => PartialOutageWeight,
        _ => 0,
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
