using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>The real instants covered by a set of weekly wall-clock windows in a zone.</summary>
internal static class WeeklyWindowOccurrences
{
    /// <summary>
    /// The occurrences overlapping [<paramref name="from"/>, <paramref name="to"/>), clipped to it, in order, with
    /// touching ones joined (Sunday 22:00–24:00 followed by Monday 00:00–06:00 is one stretch, not two).
    /// </summary>
    public static List<Interval> Between(DateTimeZone zone, IReadOnlyList<WeeklyWindow> windows, Instant from, Instant to)
    {
        var occurrences = new List<Interval>();
        // Start a week early: a window that began last week may wrap into this one.
        var monday = from.InZone(zone).Date.PlusDays(-7).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var lastDay = to.InZone(zone).Date;
        for (; monday <= lastDay; monday = monday.PlusWeeks(1))
        {
            foreach (var window in windows)
            {
                var (localStart, localEnd) = window.InWeekOf(monday);
                var start = Instant.Max(localStart.ToInstant(zone), from);
                var end = Instant.Min(localEnd.ToInstant(zone), to);
                if (start < end)
                {
                    occurrences.Add(new Interval(start, end));
                }
            }
        }
        occurrences.Sort((a, b) => a.Start.CompareTo(b.Start));
        return Join(occurrences);
    }

    private static List<Interval> Join(List<Interval> sorted)
    {
        var joined = new List<Interval>(sorted.Count);
        foreach (var next in sorted)
        {
            if (joined.Count > 0 && next.Start <= joined[^1].End)
            {
                joined[^1] = new Interval(joined[^1].Start, Instant.Max(joined[^1].End, next.End));
            }
            else
            {
                joined.Add(next);
            }
        }
        return joined;
    }
}
