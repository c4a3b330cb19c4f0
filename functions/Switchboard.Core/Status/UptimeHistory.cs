namespace Switchboard.Core.Status;

/// <summary>
/// One UTC day of a component's history: its worst state that day and the share of the day it was up.
/// <paramref name="HasData"/> is false for a day its uptime check has no runs for (before the check existed, or a gap).
/// </summary>
public sealed record UptimeDay(DateOnly Date, ComponentState Worst, double Uptime, bool HasData = true);

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

    /// <summary>The mean uptime of the days with data, as shown beside the bars ("99.95 % uptime").</summary>
    public static double Mean(IReadOnlyList<UptimeDay> days) =>
        days.Where(d => d.HasData).Select(d => d.Uptime).DefaultIfEmpty(1).Average();

    /// <summary>
    /// A component's daily uptime measured by its checks: each day's passing runs over all runs (several checks of one
    /// component add up), coloured by <see cref="StateFor"/>; a day without runs has no data rather than a guess.
    /// </summary>
    public static IReadOnlyList<UptimeDay> FromChecks(IEnumerable<UptimeCheckDay> tallies, DateOnly today, int days)
    {
        var byDate = tallies.GroupBy(t => t.Date).ToDictionary(g => g.Key, g => (Runs: g.Sum(t => t.Runs), Failed: g.Sum(t => t.FailedRuns)));
        var result = new List<UptimeDay>(days);
        for (var date = today.AddDays(1 - days); date <= today; date = date.AddDays(1))
        {
            if (byDate.TryGetValue(date, out var day) && day.Runs > 0)
            {
                var uptime = (day.Runs - day.Failed) / (double)day.Runs;
                result.Add(new UptimeDay(date, StateFor(uptime), uptime));
            }
            else
            {
                result.Add(new UptimeDay(date, ComponentState.Operational, 1, HasData: false));
            }
        }
        return result;
    }

    /// <summary>
    /// The colour of a measured day: 99.5 % or more is operational (a few failed runs of 1,440 are noise), from 99 %
    /// degraded, from 95 % a partial outage, below that a major outage.
    /// </summary>
    public static ComponentState StateFor(double uptime) => uptime switch
    {
        >= 0.995 => ComponentState.Operational,
        >= 0.99 => ComponentState.DegradedPerformance,
        >= 0.95 => ComponentState.PartialOutage,
        _ => ComponentState.MajorOutage,
    };

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
