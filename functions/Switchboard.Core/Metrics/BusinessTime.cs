using NodaTime;
using Switchboard.Core.OnCall;

namespace Switchboard.Core.Metrics;

/// <summary>
/// How much of a stretch of time fell within a mailbox's support hours: a reply at Monday 09:30 to mail that came in
/// on Friday at 17:30, with hours Monday to Friday 09:00–18:00, took one hour of business time, not 64. The windows are
/// wall-clock times in the hours' IANA zone, so a day on which the clocks change still holds its nine staffed hours.
/// </summary>
public static class BusinessTime
{
    /// <summary>
    /// The time within <paramref name="hours"/> between <paramref name="from"/> and <paramref name="to"/> (zero when
    /// <paramref name="to"/> is not later). No hours, or hours without windows, mean "always staffed": calendar time.
    /// </summary>
    public static TimeSpan Between(SupportHours? hours, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        if (hours is null || hours.Windows.Count == 0)
        {
            return to - from;
        }
        var zone = WallClock.RequireZone(hours.TimeZoneId);
        var within = WeeklyWindowOccurrences.Between(zone, hours.Windows, Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to))
            .Aggregate(Duration.Zero, (sum, stretch) => sum + stretch.Duration);
        return within.ToTimeSpan();
    }
}
