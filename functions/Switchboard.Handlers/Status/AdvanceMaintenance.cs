using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Storage;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

/// <summary>
/// Queue <c>status-maintenance</c>: moves a window to the stage due now (components under maintenance at the start,
/// operational at the end), republishes the page and queues the wake-up for the end. The stage never moves backwards
/// and a window already at its due stage is left alone, so a redelivered message, a stale one, or the sweep arriving
/// first changes nothing. The window's row is written first, guarded by its ETag: whoever moves it applies the component states.
/// </summary>
public sealed partial class AdvanceMaintenance(
    StatusStore store, StatusPageChanges changes, MaintenanceAlarm alarm, TimeProvider time, ILogger<AdvanceMaintenance> logger)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var due = QueueMessages.Read<MaintenanceDue>(message, QueueNames.StatusMaintenance, JsonDefaults.Options,
            d => string.IsNullOrEmpty(d.MaintenanceId) ? "maintenanceId" : d.At == default ? "at" : null);
        if (due.At > time.GetUtcNow())
        {
            await alarm.QueueAsync(due, cancellationToken);
            return;
        }
        await AdvanceAsync(due.MaintenanceId, cancellationToken);
    }

    /// <summary>Advances one window if a stage is due; true when this call moved it.</summary>
    public async Task<bool> AdvanceAsync(string maintenanceId, CancellationToken cancellationToken = default)
    {
        Maintenance? next = null;
        // A lost race is re-read: the other writer may have moved it to a stage that is itself already over.
        for (var attempt = 0; attempt < 3 && next is null; attempt++)
        {
            if (await store.GetMaintenanceAsync(maintenanceId, cancellationToken) is not var (maintenance, etag)
                || maintenance.Advance(time.GetUtcNow()) is not var (advanced, componentChanges))
            {
                return false;
            }
            if (await StatusConcurrency.TryAsync(() => store.AdvanceMaintenanceAsync(advanced, componentChanges, etag, cancellationToken)))
            {
                next = advanced;
            }
        }
        if (next is null)
        {
            return false;
        }
        LogAdvanced(next.Id, StatusNames.Of(next.Status));
        await changes.MaintenanceChangedAsync(next, cancellationToken);
        await alarm.SetAsync(next, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance {MaintenanceId} is now {Status}.")]
    private partial void LogAdvanced(string maintenanceId, string status);
}

/// <summary>
/// The hourly safety net behind <see cref="MaintenanceAlarm"/>: advances every window whose stage is due, should its
/// message have been lost. Windows last at most 7 days, so only those starting in the last 8 days can still be open.
/// </summary>
public sealed class SweepMaintenances(StatusStore store, AdvanceMaintenance advance, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var moved = 0;
        foreach (var maintenance in await store.ListMaintenancesAsync(now - Maintenance.LongestWindow - TimeSpan.FromDays(1), cancellationToken))
        {
            if (maintenance.DueStatus(now) != maintenance.Status && await advance.AdvanceAsync(maintenance.Id, cancellationToken))
            {
                moved++;
            }
        }
        return moved;
    }
}
