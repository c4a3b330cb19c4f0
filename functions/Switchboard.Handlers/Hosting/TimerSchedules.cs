namespace Switchboard.Handlers.Hosting;

/// <summary>
/// The timers' NCRONTAB schedules (seconds first, UTC). Due work rides on delayed queue messages (escalation checks,
/// snooze wake-ups, shift starts); timers only sweep up what a lost message missed. Flex Consumption bills at least a
/// second of the instance's memory for every wake-up, so they run rarely (docs/deploy.md, Costs).
/// </summary>
public static class TimerSchedules
{
    /// <summary>Paging is the one sweep a customer waits on: a lost check pages at most 10 minutes late.</summary>
    public const string EveryTenMinutes = "0 */10 * * * *";

    public const string Hourly = "0 0 * * * *";

    /// <summary>The weekly digest: Mondays at 07:00 UTC, one run a week (docs/deploy.md, Costs).</summary>
    public const string Weekly = "0 0 7 * * 1";
}
