namespace Switchboard.LocalHost.Timers;

/// <summary>
/// What the timer scheduler runs. <see cref="Schedule"/> is a six-field NCRONTAB expression (with seconds, in UTC): the
/// local host makes one job for each <c>[TimerTrigger]</c> function it discovers, with the attribute's schedule.
/// </summary>
public interface ITimerJob
{
    string Name { get; }

    string Schedule { get; }

    Task RunAsync(CancellationToken cancellationToken = default);
}
