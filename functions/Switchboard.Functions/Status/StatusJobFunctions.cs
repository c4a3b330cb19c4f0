using Switchboard.Core;
using Switchboard.Handlers.Status;
using Switchboard.Handlers.Status.Checks;

namespace Switchboard.Functions.Status;

/// <summary>
/// The status page's background work: maintenance windows starting and completing, and uptime check runs, each on
/// delayed queue messages; one hourly timer sweeps up after lost messages (docs/deploy.md, Costs).
/// </summary>
public sealed class StatusJobFunctions(
    PoisonQueue poisonQueue, AdvanceMaintenance advanceMaintenance, SweepMaintenances sweepMaintenances,
    RunUptimeCheck runUptimeCheck, SweepUptimeChecks sweepUptimeChecks)
{
    [Function(nameof(AdvanceMaintenance))]
    public Task AdvanceMaintenance([QueueTrigger(QueueNames.StatusMaintenance)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.StatusMaintenance, message, advanceMaintenance.HandleAsync, cancellationToken);

    [Function(nameof(RunUptimeCheck))]
    public Task RunUptimeCheck([QueueTrigger(QueueNames.StatusChecks)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.StatusChecks, message, runUptimeCheck.HandleAsync, cancellationToken);

    [Function("SweepStatusPage")]
    public async Task SweepStatusPage([TimerTrigger(TimerSchedules.Hourly)] TimerInfo timer, CancellationToken cancellationToken)
    {
        await sweepMaintenances.RunAsync(cancellationToken);
        await sweepUptimeChecks.RunAsync(cancellationToken);
    }
}
