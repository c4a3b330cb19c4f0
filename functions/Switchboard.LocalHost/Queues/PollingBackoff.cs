namespace Switchboard.LocalHost.Queues;

/// <summary>
/// The wait between polls of a queue: it doubles after every poll that finds nothing (or fails), from
/// <c>min</c> up to <c>max</c>, and drops back to <c>min</c> as soon as a poll finds a message. Each wait is
/// randomised by ±20% (never beyond the bounds) so that several listeners do not poll in step.
/// </summary>
public sealed class PollingBackoff
{
    private readonly TimeSpan min;
    private readonly TimeSpan max;
    private readonly Random random;
    private TimeSpan current;

    public PollingBackoff(TimeSpan min, TimeSpan max, Random? random = null)
    {
        this.min = min;
        this.max = max < min ? min : max;
        this.random = random ?? Random.Shared;
        current = min;
    }

    /// <summary>The wait before the next poll; each call makes the following one longer.</summary>
    public TimeSpan Next()
    {
        var jittered = current * (0.8 + random.NextDouble() * 0.4);
        var delay = jittered < min ? min : jittered > max ? max : jittered;
        current = current * 2 > max ? max : current * 2;
        return delay;
    }

    public void Reset() => current = min;
}
