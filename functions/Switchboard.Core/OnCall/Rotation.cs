using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>
/// The shift arithmetic of one layer in its zone. Shift k starts at the layer's first local hand-off plus k shift
/// lengths on the wall clock, resolved with <see cref="WallClock.Resolver"/>; participant k mod n takes it.
/// </summary>
internal sealed class Rotation(RotationLayer layer, DateTimeZone zone)
{
    private readonly LocalDateTime firstHandOff = layer.StartDate.At(layer.HandOffTime);
    private readonly long hours = layer.ShiftLength.WallClockHours;

    /// <summary>The shifts overlapping [<paramref name="from"/>, <paramref name="to"/>), clipped to it, in order.</summary>
    public IEnumerable<OnCallSegment> Shifts(Instant from, Instant to)
    {
        for (var k = Math.Max(IndexAt(from), 0); ; k++)
        {
            var start = StartOf(k);
            if (start >= to)
            {
                yield break;
            }
            var end = StartOf(k + 1);
            if (end > from && end > start)
            {
                yield return new OnCallSegment(layer.Participants[(int)(k % layer.Participants.Count)], Instant.Max(start, from), Instant.Min(end, to));
            }
        }
    }

    /// <summary>The index of the shift running at <paramref name="at"/>; -1 before the first shift.</summary>
    private long IndexAt(Instant at)
    {
        // Wall-clock hours since the first hand-off give the index to within one shift; the instants settle it.
        var elapsed = Period.Between(firstHandOff, at.InZone(zone).LocalDateTime, PeriodUnits.Hours).Hours;
        var k = Math.Max(FloorDiv(elapsed, hours), -1);
        while (k >= 0 && StartOf(k) > at)
        {
            k--;
        }
        while (StartOf(k + 1) <= at)
        {
            k++;
        }
        return k;
    }

    private Instant StartOf(long k) => firstHandOff.PlusHours(k * hours).ToInstant(zone);

    private static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);
}
