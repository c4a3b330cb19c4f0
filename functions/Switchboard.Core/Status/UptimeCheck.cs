namespace Switchboard.Core.Status;

/// <summary>
/// An HTTP(S) check of one component: every <see cref="IntervalMinutes"/> minutes a GET of <see cref="Url"/> must
/// answer <see cref="ExpectedStatus"/> (and contain <see cref="BodyContains"/>, when set) within
/// <see cref="TimeoutSeconds"/>. What happens when it fails is <see cref="UptimeCheckState"/>'s rule.
/// </summary>
public sealed record UptimeCheck(
    string Id, string ComponentId, string Url, int IntervalMinutes, int ExpectedStatus, string? BodyContains, int TimeoutSeconds,
    bool OpenIncident, string? PageScheduleId, DateTimeOffset CreatedAt)
{
    public const int MinIntervalMinutes = 1;
    public const int MaxIntervalMinutes = 5;
    public const int MaxTimeoutSeconds = 30;
    public const int DefaultTimeoutSeconds = 10;
    public const int MaxBodyContainsLength = 200;

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}

/// <summary>
/// Where a check stands between runs. A run fails only when its immediate re-check fails too, and the component goes
/// down only after <see cref="FailedRunsToGoDown"/> failed runs in a row, so one blip never opens an incident; the
/// first passing run brings it back. <see cref="NextRunAt"/> names the one queued run that may act (a redelivered or
/// duplicated message for another time is dropped).
/// </summary>
public sealed record UptimeCheckState(DateTimeOffset NextRunAt, int FailedRuns, bool Down, string? IncidentId,
    DateTimeOffset? LastRunAt, bool? LastRunUp, IReadOnlyList<int> RecentResponseMs)
{
    public const int FailedRunsToGoDown = 2;
    public const int RecentRuns = 30;

    public static UptimeCheckState First(DateTimeOffset runAt) => new(runAt, 0, false, null, null, null, []);

    /// <summary>The state after a run at <paramref name="now"/>, and whether the component just went down or came back.</summary>
    public (UptimeCheckState Next, UptimeTransition Transition) After(bool up, int responseMs, DateTimeOffset now, TimeSpan interval)
    {
        var failed = up ? 0 : FailedRuns + 1;
        var down = up ? false : Down || failed >= FailedRunsToGoDown;
        var transition = down && !Down ? UptimeTransition.WentDown : !down && Down ? UptimeTransition.CameBack : UptimeTransition.None;
        // A run that was late (the host was busy) does not try to catch up: the next one is an interval from now.
        var next = NextRunAt + interval > now ? NextRunAt + interval : now + interval;
        var recent = RecentResponseMs.Append(responseMs).TakeLast(RecentRuns).ToList();
        return (this with { NextRunAt = next, FailedRuns = failed, Down = down, LastRunAt = now, LastRunUp = up, RecentResponseMs = recent }, transition);
    }
}

public enum UptimeTransition { None, WentDown, CameBack }

/// <summary>One UTC day of a check's runs: how many, how many failed, and their total response time.</summary>
public sealed record UptimeCheckDay(DateOnly Date, int Runs, int FailedRuns, long TotalResponseMs)
{
    public double Uptime => Runs == 0 ? 1 : (Runs - FailedRuns) / (double)Runs;

    public int MeanResponseMs => Runs == 0 ? 0 : (int)(TotalResponseMs / Runs);
}
