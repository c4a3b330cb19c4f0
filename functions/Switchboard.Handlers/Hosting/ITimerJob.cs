namespace Switchboard.Handlers.Hosting;

/// <summary>
/// Work done on a schedule. <see cref="Schedule"/> is a six-field NCRONTAB expression (with seconds, in UTC),
/// the same string the Functions app's <c>[TimerTrigger]</c> uses.
/// </summary>
public interface ITimerJob
{
    string Name { get; }

    string Schedule { get; }

    Task RunAsync(CancellationToken cancellationToken = default);
}
