using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>
/// When a mailbox is staffed: weekly wall-clock <see cref="Windows"/> in <see cref="TimeZoneId"/>. Outside them the
/// escalation policy's after-hours rule applies (page anyway, or wait until <see cref="NextStart(Instant)"/>).
/// </summary>
public sealed record SupportHours(string TimeZoneId, IReadOnlyList<WeeklyWindow>? Windows = null)
{
    /// <summary>None (null or empty) means hours never start: <see cref="IsWithin(Instant)"/> is always false.</summary>
    public IReadOnlyList<WeeklyWindow> Windows { get; init => field = value ?? []; } = Windows ?? [];

    /// <summary>Every problem (unknown zone, empty or overlapping windows), each naming its field; empty when valid.</summary>
    public IReadOnlyList<ScheduleProblem> Validate() => ScheduleValidation.Check(this);

    public bool IsWithin(DateTimeOffset at) => IsWithin(Instant.FromDateTimeOffset(at));

    public bool IsWithin(Instant at) => WeeklyWindowOccurrences.Between(Zone, Windows, at, at + Duration.Epsilon).Count > 0;

    public Instant? NextStart(DateTimeOffset after) => NextStart(Instant.FromDateTimeOffset(after));

    /// <summary>
    /// When support hours next begin strictly after <paramref name="after"/>; within hours, that is the start of the
    /// following stretch, after the current one ends. Windows that touch (Sunday 22:00–24:00, Monday 00:00–06:00)
    /// count as one stretch. Null when there are no windows. To wait until hours start, wait until
    /// <c>IsWithin(t) ? t : NextStart(t)</c>.
    /// </summary>
    public Instant? NextStart(Instant after)
    {
        if (Windows.Count == 0)
        {
            return null;
        }
        // Every window recurs weekly, so two weeks ahead always holds the next start (and one day covers the DST slack).
        var from = after - Duration.FromDays(8);
        var occurrences = WeeklyWindowOccurrences.Between(Zone, Windows, from, after + Duration.FromDays(15));
        return occurrences.Select(o => o.Start).Where(start => start > after && start > from).Cast<Instant?>().FirstOrDefault();
    }

    private DateTimeZone Zone => WallClock.RequireZone(TimeZoneId);
}
