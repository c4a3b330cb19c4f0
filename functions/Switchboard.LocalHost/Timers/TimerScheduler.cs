using Cronos;
using Switchboard.Handlers.Telemetry;

namespace Switchboard.LocalHost.Timers;

/// <summary>
/// The local host's stand-in for the Functions timer trigger: runs each <see cref="ITimerJob"/> at the occurrences
/// of its six-field NCRONTAB schedule (seconds first, UTC). Runs of one job never overlap; an occurrence that passes
/// while the job is still running is skipped. A job that throws is logged and runs again at its next occurrence.
/// An invalid schedule stops the host from starting.
/// </summary>
public sealed partial class TimerScheduler(IEnumerable<ITimerJob> jobs, TimeProvider time, ILogger<TimerScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private IReadOnlyList<(ITimerJob Job, CronExpression Schedule)> schedules = [];

    /// <summary>Parses a six-field NCRONTAB expression, naming the job and the expression when it is not valid.</summary>
    public static CronExpression Parse(ITimerJob job)
    {
        try
        {
            return CronExpression.Parse(job.Schedule, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException(
                $"Timer job '{job.Name}' has an invalid schedule '{job.Schedule}': {e.Message} " +
                "Expected six NCRONTAB fields, seconds first, in UTC (e.g. '0 */5 * * * *').", e);
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        schedules = jobs.Select(job => (job, Parse(job))).ToList();
        foreach (var (job, _) in schedules)
        {
            LogScheduled(job.Name, job.Schedule);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(schedules.Select(s => RunOnScheduleAsync(s.Job, s.Schedule, stoppingToken)));

    private async Task RunOnScheduleAsync(ITimerJob job, CronExpression schedule, CancellationToken stoppingToken)
    {
        var last = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            // From the later of now and the last run, so that a timer firing a little early cannot run an occurrence twice.
            var next = schedule.GetNextOccurrence(now > last ? now : last, TimeZoneInfo.Utc);
            if (next is null)
            {
                LogNoMoreOccurrences(job.Name, job.Schedule);
                return;
            }

            // Task.Delay accepts at most ~49 days; a longer wait (a yearly job) is taken in steps.
            var wait = next.Value - now;
            await Task.Delay(wait > LongestWait ? LongestWait : wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (wait > LongestWait)
            {
                continue;
            }

            last = next.Value;
            using var activity = SwitchboardTelemetry.StartTimerRun(job.Name);
            try
            {
                LogRunning(job.Name, next.Value);
                await job.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                activity.Failed(e);
                LogFailed(e, job.Name, next.Value);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer job '{Job}' scheduled by '{Schedule}' (UTC).")]
    private partial void LogScheduled(string job, string schedule);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer job '{Job}' running for {Occurrence:O}.")]
    private partial void LogRunning(string job, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer job '{Job}' failed for {Occurrence:O}; it runs again at its next occurrence.")]
    private partial void LogFailed(Exception exception, string job, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer job '{Job}' has no further occurrences of '{Schedule}'.")]
    private partial void LogNoMoreOccurrences(string job, string schedule);
}
