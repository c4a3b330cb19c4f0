using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>
/// Answers "who is on call" for one schedule: now and until when, who is next, and the final timeline over any
/// interval. Pure: the moment is always a parameter, nothing reads a clock. Build one per schedule version; it is
/// immutable and safe to share.
/// </summary>
public sealed class OnCallCalculator
{
    /// <summary>How far <see cref="At(Instant)"/> looks either way for the ends of a stretch before giving up.</summary>
    public static readonly Duration Horizon = Duration.FromDays(400);

    private static readonly Duration FirstLook = Duration.FromDays(2);

    private readonly ScheduleTimeline timeline;

    /// <exception cref="ArgumentException">The schedule is not valid; the message lists its problems.</exception>
    public OnCallCalculator(OnCallSchedule schedule)
    {
        var problems = schedule.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The schedule is not valid: " + string.Join("; ", problems), nameof(schedule));
        }
        Schedule = schedule;
        timeline = new ScheduleTimeline(schedule);
    }

    public OnCallSchedule Schedule { get; }

    public OnCallStatus At(DateTimeOffset at) => At(Instant.FromDateTimeOffset(at));

    /// <summary>Who is on call at <paramref name="at"/>, since and until when, and who comes on shift next.</summary>
    public OnCallStatus At(Instant at)
    {
        var (current, since) = StretchBackFrom(at);
        for (var look = FirstLook; ; look = Min(look * 2, Horizon))
        {
            var ahead = timeline.Between(at, at + look);
            var ends = ahead[0].End < at + look;
            var next = ahead.Skip(1).FirstOrDefault(s => s.AgentId is not null);
            if ((ends && next.AgentId is not null) || look == Horizon)
            {
                var handOff = next.AgentId is { } agent ? new OnCallHandOff(agent, next.Start) : null;
                return new OnCallStatus(at, current, since, ends ? ahead[0].End : null, handOff);
            }
        }
    }

    /// <summary>The next change of who is on call after <paramref name="at"/>; null if none within <see cref="Horizon"/>.</summary>
    public OnCallHandOff? NextHandOff(Instant at) => At(at).Next;

    public IReadOnlyList<OnCallSegment> Timeline(DateTimeOffset from, DateTimeOffset to) =>
        Timeline(Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to));

    /// <summary>
    /// Who is on call over [<paramref name="from"/>, <paramref name="to"/>), in order, with consecutive shifts of the
    /// same person joined into one segment and the first and last clipped to the interval. Gaps are the holes between
    /// segments (see <see cref="Gaps"/>).
    /// </summary>
    public IReadOnlyList<OnCallSegment> Timeline(Instant from, Instant to) =>
        [.. Stretches(from, to).Where(s => s.AgentId is not null).Select(s => new OnCallSegment(s.AgentId!, s.Start, s.End))];

    /// <summary>
    /// The segments that overlap [<paramref name="from"/>, <paramref name="to"/>) with their true start and end
    /// (looking up to <see cref="Horizon"/> beyond the interval), so a shift shows the same start however the interval
    /// is chosen. The calendar feed uses this to keep event UIDs stable as its window slides.
    /// </summary>
    public IReadOnlyList<OnCallSegment> SegmentsOverlapping(Instant from, Instant to)
    {
        var first = At(from);
        var last = At(to - Duration.Epsilon);
        var start = first.IsGap ? from : first.Since ?? from;
        var end = last.IsGap ? to : last.Until ?? to;
        return Timeline(start, end);
    }

    /// <summary>
    /// Each layer's shifts over [<paramref name="from"/>, <paramref name="to"/>) in layer order, as the layer alone would
    /// have them (restrictions applied; other layers and overrides not): what a timeline draws one row per layer from.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<OnCallSegment>> LayerTimelines(Instant from, Instant to) =>
        from < to ? timeline.LayersBetween(from, to) : throw new ArgumentException("The interval must end after it starts.", nameof(to));

    /// <summary>The intervals within [<paramref name="from"/>, <paramref name="to"/>) when nobody is on call.</summary>
    public IReadOnlyList<Interval> Gaps(Instant from, Instant to) =>
        [.. Stretches(from, to).Where(s => s.AgentId is null).Select(s => new Interval(s.Start, s.End))];

    private List<Stretch> Stretches(Instant from, Instant to) =>
        from < to ? timeline.Between(from, to) : throw new ArgumentException("The interval must end after it starts.", nameof(to));

    private (string? AgentId, Instant? Since) StretchBackFrom(Instant at)
    {
        for (var look = FirstLook; ; look = Min(look * 2, Horizon))
        {
            // One tick past the moment, so the last stretch is the one running at it.
            var current = timeline.Between(at - look, at + Duration.Epsilon)[^1];
            if (current.Start > at - look)
            {
                return (current.AgentId, current.Start);
            }
            if (look == Horizon)
            {
                return (current.AgentId, null);
            }
        }
    }

    private static Duration Min(Duration a, Duration b) => a < b ? a : b;
}
