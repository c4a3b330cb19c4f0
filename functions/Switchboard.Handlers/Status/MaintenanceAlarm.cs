using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Status;

/// <summary>
/// Wakes a maintenance window when its next stage is due: one message on <c>status-maintenance</c>, hidden until the
/// start (and, once started, another until the end). A window further ahead than a queue message can wait (7 days)
/// surfaces early and is queued again for the time left. The hourly <see cref="SweepMaintenances"/> catches a lost one.
/// </summary>
public sealed class MaintenanceAlarm(WorkQueue queue, TimeProvider time)
{
    /// <summary>Queues the wake-up for the window's next stage; nothing once it is completed.</summary>
    public Task SetAsync(Maintenance maintenance, CancellationToken cancellationToken = default) => maintenance.Status switch
    {
        MaintenanceStatus.Scheduled => QueueAsync(new MaintenanceDue(maintenance.Id, maintenance.StartsAt), cancellationToken),
        MaintenanceStatus.InProgress => QueueAsync(new MaintenanceDue(maintenance.Id, maintenance.EndsAt), cancellationToken),
        _ => Task.CompletedTask,
    };

    public Task QueueAsync(MaintenanceDue due, CancellationToken cancellationToken = default) =>
        queue.SendAsync(QueueNames.StatusMaintenance, due, WorkQueue.DelayUntil(due.At, time.GetUtcNow()), cancellationToken);
}

/// <summary>Queue <c>status-maintenance</c>: window <paramref name="MaintenanceId"/> has a stage due at <paramref name="At"/>.</summary>
public sealed record MaintenanceDue(string MaintenanceId, DateTimeOffset At);
