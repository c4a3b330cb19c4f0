using Switchboard.Core.Status;
using Switchboard.Handlers.Status.Site;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

/// <summary><c>POST /api/status/maintenances</c>: schedules planned work; it starts and completes by itself.</summary>
public sealed class ScheduleMaintenance(StatusStore store, StatusPageChanges changes, MaintenanceAlarm alarm, TimeProvider time)
{
    public async Task<IResult> HandleAsync(NewMaintenance body, CancellationToken cancellationToken = default)
    {
        if (StatusRules.First(
                StatusRules.Text(body.Title, "title", Maintenance.MaxTitleLength),
                StatusRules.Text(body.Message, "message", Maintenance.MaxMessageLength),
                body.StartsAt is null ? Problems.BadRequest("startsAt is required.", "startsAt") : null,
                body.EndsAt is null ? Problems.BadRequest("endsAt is required.", "endsAt") : null,
                body.Components is not { Count: > 0 } ? Problems.BadRequest("components must name at least one component.", "components") : null) is { } problem)
        {
            return problem;
        }
        var existing = await store.ListComponentsAsync(cancellationToken);
        if (body.Components!.FirstOrDefault(id => existing.All(c => c.Id != id)) is { } unknown)
        {
            return Problems.BadRequest($"There is no component '{unknown}'.", "components");
        }
        if (body.Components!.Count > StatusStore.MaxComponentsPerChange)
        {
            return Problems.BadRequest($"A window covers at most {StatusStore.MaxComponentsPerChange} components.", "components");
        }
        Maintenance maintenance;
        try
        {
            maintenance = Maintenance.Schedule(StatusStore.NewMaintenanceId(body.StartsAt!.Value), body.Title!.Trim(), body.Message!.Trim(),
                body.Components!, body.StartsAt.Value.ToUniversalTime(), body.EndsAt!.Value.ToUniversalTime(), time.GetUtcNow());
        }
        catch (StatusRuleException e)
        {
            return Problems.BadRequest(e.Message, "startsAt");
        }
        await store.SaveMaintenanceAsync(maintenance, [], etag: null, cancellationToken);
        await changes.MaintenanceChangedAsync(maintenance, cancellationToken);
        await alarm.SetAsync(maintenance, cancellationToken);
        return Results.Created($"/api/status/maintenances/{maintenance.Id}", maintenance);
    }
}

/// <summary><c>GET /api/status/maintenances</c>: windows starting in the last 90 days or later, earliest first.</summary>
public sealed class ListMaintenances(StatusStore store, TimeProvider time)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default) =>
        Results.Ok(new MaintenanceList(await store.ListMaintenancesAsync(time.GetUtcNow() - StatusPageModel.History, cancellationToken)));
}

/// <summary>
/// <c>POST /api/status/maintenances/{id}/cancel</c>: calls off a window that has not started (409 once it has, or
/// when it changed meanwhile); it leaves the public page and its queued start does nothing.
/// </summary>
public sealed class CancelMaintenance(StatusStore store, StatusPageChanges changes)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await store.GetMaintenanceAsync(id, cancellationToken) is not { } found)
        {
            return Problems.NotFound($"There is no maintenance window '{id}'.");
        }
        Maintenance cancelled;
        try
        {
            cancelled = found.Maintenance.Cancel();
        }
        catch (StatusRuleException e)
        {
            return Problems.Conflict(e.Message);
        }
        if (!await StatusConcurrency.TryAsync(() => store.AdvanceMaintenanceAsync(cancelled, [], found.ETag, cancellationToken)))
        {
            return Problems.Conflict("The window changed meanwhile (it may have started); reload it and try again.");
        }
        await changes.MaintenanceChangedAsync(cancelled, cancellationToken);
        return Results.Ok(cancelled);
    }
}
