using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>A stretch of the final rota: <see cref="AgentId"/> on call, or nobody (a gap) when it is null.</summary>
internal readonly record struct Stretch(string? AgentId, Instant Start, Instant End);

/// <summary>
/// Combines a schedule's layers and overrides into one sequence of stretches. Every layer is first cut into its
/// shifts, masked by its restrictions; then, between consecutive boundaries of any layer or override, the winner is
/// the last override covering that moment, else the highest layer with someone on call, else nobody.
/// </summary>
internal sealed class ScheduleTimeline
{
    private readonly DateTimeZone zone;
    private readonly IReadOnlyList<(Rotation Rotation, RotationLayer Layer)> layers;
    private readonly IReadOnlyList<ScheduleOverride> overrides;

    public ScheduleTimeline(OnCallSchedule schedule)
    {
        zone = WallClock.RequireZone(schedule.TimeZoneId);
        layers = [.. schedule.Layers.Select(layer => (new Rotation(layer, zone), layer))];
        overrides = schedule.Overrides;
    }

    /// <summary>Stretches that exactly cover [<paramref name="from"/>, <paramref name="to"/>), neighbours always differing.</summary>
    public List<Stretch> Between(Instant from, Instant to)
    {
        var perLayer = layers.Select(l => LayerSegments(l.Rotation, l.Layer, from, to)).ToList();
        var boundaries = new SortedSet<Instant> { from, to };
        foreach (var segment in perLayer.SelectMany(s => s))
        {
            boundaries.Add(segment.Start);
            boundaries.Add(segment.End);
        }
        foreach (var o in overrides)
        {
            foreach (var edge in new[] { o.Start, o.End })
            {
                if (from < edge && edge < to)
                {
                    boundaries.Add(edge);
                }
            }
        }

        var cursors = new int[perLayer.Count];
        var stretches = new List<Stretch>();
        Instant? previous = null;
        foreach (var boundary in boundaries)
        {
            if (previous is { } start)
            {
                Append(stretches, new Stretch(WhoIsOnCall(start, perLayer, cursors), start, boundary));
            }
            previous = boundary;
        }
        return stretches;
    }

    /// <summary>Each layer's own shifts over [<paramref name="from"/>, <paramref name="to"/>), masked by its restrictions, before layers and overrides combine.</summary>
    public List<List<OnCallSegment>> LayersBetween(Instant from, Instant to) =>
        [.. layers.Select(l => LayerSegments(l.Rotation, l.Layer, from, to))];

    private string? WhoIsOnCall(Instant at, List<List<OnCallSegment>> perLayer, int[] cursors)
    {
        for (var i = overrides.Count - 1; i >= 0; i--)
        {
            if (overrides[i].Start <= at && at < overrides[i].End)
            {
                return overrides[i].AgentId;
            }
        }
        string? winner = null;
        for (var i = 0; i < perLayer.Count; i++)
        {
            // Moments only move forward, so each layer's cursor only moves forward too.
            var segments = perLayer[i];
            while (cursors[i] < segments.Count && segments[cursors[i]].End <= at)
            {
                cursors[i]++;
            }
            if (cursors[i] < segments.Count && segments[cursors[i]].Contains(at))
            {
                winner = segments[cursors[i]].AgentId;
            }
        }
        return winner;
    }

    private List<OnCallSegment> LayerSegments(Rotation rotation, RotationLayer layer, Instant from, Instant to)
    {
        var shifts = rotation.Shifts(from, to).ToList();
        if (layer.Restrictions.Count == 0)
        {
            return shifts;
        }
        var windows = WeeklyWindowOccurrences.Between(zone, layer.Restrictions, from, to);
        var masked = new List<OnCallSegment>();
        int s = 0, w = 0;
        while (s < shifts.Count && w < windows.Count)
        {
            var start = Instant.Max(shifts[s].Start, windows[w].Start);
            var end = Instant.Min(shifts[s].End, windows[w].End);
            if (start < end)
            {
                masked.Add(shifts[s] with { Start = start, End = end });
            }
            if (shifts[s].End <= windows[w].End)
            {
                s++;
            }
            else
            {
                w++;
            }
        }
        return masked;
    }

    private static void Append(List<Stretch> stretches, Stretch next)
    {
        if (stretches.Count > 0 && stretches[^1].AgentId == next.AgentId)
        {
            stretches[^1] = stretches[^1] with { End = next.End };
        }
        else
        {
            stretches.Add(next);
        }
    }
}
