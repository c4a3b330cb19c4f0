using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Storage;
using Switchboard.Storage.Queues;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Checks;

/// <summary>Queue <c>status-checks</c>: check <paramref name="CheckId"/>'s run due at <paramref name="RunAt"/>.</summary>
public sealed record UptimeCheckDue(string CheckId, DateTimeOffset RunAt);

/// <summary>
/// Runs checks on delayed queue messages, each run queuing the next. Chosen over a timer on cost (docs/deploy.md): a
/// per-minute timer wakes the app 1,440 times a day even for a workspace with no checks; messages cost nothing until
/// a check exists and then one short execution per run. A run acts only if it is the one the check's state row waits
/// for (<see cref="UptimeCheckState.NextRunAt"/>), and claims it with the row's ETag before anything else happens, so
/// a redelivered or duplicated message neither runs twice nor forks the chain. The hourly sweep restarts a chain
/// whose message was lost.
/// </summary>
public sealed partial class RunUptimeCheck(
    UptimeCheckStore checks, UptimeProbe probe, UptimeCheckOutcomes outcomes, WorkQueue queue, TimeProvider time, ILogger<RunUptimeCheck> logger)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var due = QueueMessages.Read<UptimeCheckDue>(message, QueueNames.StatusChecks, JsonDefaults.Options,
            d => string.IsNullOrEmpty(d.CheckId) ? "checkId" : d.RunAt == default ? "runAt" : null);
        if (due.RunAt - TimeSpan.FromSeconds(1) > time.GetUtcNow())
        {
            await QueueAsync(due, cancellationToken);
            return;
        }
        await RunAsync(due.CheckId, due.RunAt, cancellationToken);
    }

    public Task QueueAsync(UptimeCheckDue due, CancellationToken cancellationToken = default) =>
        queue.SendAsync(QueueNames.StatusChecks, due, WorkQueue.DelayUntil(due.RunAt, time.GetUtcNow()), cancellationToken);

    /// <summary>Runs the check if <paramref name="runAt"/> is the run it waits for; false when the message was stale.</summary>
    public async Task<bool> RunAsync(string checkId, DateTimeOffset runAt, CancellationToken cancellationToken = default)
    {
        if (await checks.GetAsync(checkId, cancellationToken) is not var (check, state, etag) || state.NextRunAt != runAt)
        {
            return false;
        }
        var result = await probe.RunAsync(check, cancellationToken);
        if (!result.Up)
        {
            // The immediate re-check: a blip (one dropped connection, one slow answer) is not a failed run.
            result = await probe.RunAsync(check, cancellationToken);
        }
        var now = time.GetUtcNow();
        var (next, transition) = state.After(result.Up, result.ResponseMs, now, check.Interval);
        if (!await StatusConcurrency.TryAsync(async () => etag = await checks.SaveAsync(check, next, etag, cancellationToken)))
        {
            return false;
        }
        LogRun(check.Id, result.Up, result.Detail, result.ResponseMs);
        await checks.RecordRunAsync(check.Id, now, result.Up, result.ResponseMs, cancellationToken);
        if (transition != UptimeTransition.None)
        {
            var incidentId = await outcomes.ApplyAsync(check, next, transition, result.Detail, cancellationToken);
            if (incidentId != next.IncidentId)
            {
                next = next with { IncidentId = incidentId };
                await StatusConcurrency.TryAsync(() => checks.SaveAsync(check, next, etag, cancellationToken));
            }
        }
        await QueueAsync(new UptimeCheckDue(check.Id, next.NextRunAt), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Uptime check {CheckId}: up {Up} ({Detail}, {ResponseMs} ms).")]
    private partial void LogRun(string checkId, bool up, string detail, int responseMs);
}
