using Switchboard.Core.Status;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

/// <summary><c>POST /api/status/incidents</c>: opens an incident with its first update, setting the components' states.</summary>
public sealed class CreateIncident(StatusStore store, StatusPageChanges changes, TimeProvider time)
{
    public async Task<IResult> HandleAsync(NewIncident body, CancellationToken cancellationToken = default)
    {
        if (StatusRules.First(
                StatusRules.Text(body.Title, "title", Incident.MaxTitleLength),
                body.Impact is null ? Problems.BadRequest("impact is required: none, minor, major or critical.", "impact") : null,
                body.Status is null ? Problems.BadRequest("status is required: investigating, identified, monitoring or resolved.", "status") : null,
                StatusRules.Text(body.Message, "message", Incident.MaxMessageLength)) is { } problem)
        {
            return problem;
        }
        var (components, invalid) = StatusRules.Changes(body.Components, await store.ListComponentsAsync(cancellationToken));
        if (components is null)
        {
            return invalid!;
        }
        var now = time.GetUtcNow();
        var incident = Incident.Open(StatusStore.NewIncidentId(now), body.Title!.Trim(), body.Impact!.Value, body.Status!.Value,
            body.Message!.Trim(), components, body.Notify, now);
        await store.SaveIncidentAsync(incident, incident.Updates[0], etag: null, cancellationToken);
        await changes.IncidentChangedAsync(incident, incident.Updates[0], cancellationToken);
        return Results.Created($"/api/status/incidents/{incident.Id}", IncidentView.Of(incident));
    }
}

/// <summary><c>POST /api/status/incidents/{id}/updates</c>: the next update of an open incident.</summary>
public sealed class AddIncidentUpdate(StatusStore store, StatusPageChanges changes, TimeProvider time)
{
    public async Task<IResult> HandleAsync(string id, NewIncidentUpdate body, CancellationToken cancellationToken = default)
    {
        if (StatusRules.First(
                body.Status is null ? Problems.BadRequest("status is required: investigating, identified, monitoring or resolved.", "status") : null,
                StatusRules.Text(body.Message, "message", Incident.MaxMessageLength)) is { } problem)
        {
            return problem;
        }
        if (await store.GetIncidentAsync(id, cancellationToken) is not var (incident, etag))
        {
            return Problems.NotFound($"There is no incident '{id}'.");
        }
        var (components, invalid) = StatusRules.Changes(body.Components, await store.ListComponentsAsync(cancellationToken));
        if (components is null)
        {
            return invalid!;
        }
        IncidentUpdate update;
        try
        {
            update = incident.AddUpdate(body.Status!.Value, body.Message!.Trim(), components, body.Notify, time.GetUtcNow(), body.Impact);
        }
        catch (StatusRuleException e)
        {
            return Problems.Conflict(e.Message, "status");
        }
        if (!await StatusConcurrency.TryAsync(() => store.SaveIncidentAsync(incident, update, etag, cancellationToken)))
        {
            return Problems.Conflict("Someone else updated this incident at the same time; reload it and try again.");
        }
        await changes.IncidentChangedAsync(incident, update, cancellationToken);
        return Results.Created($"/api/status/incidents/{incident.Id}", IncidentView.Of(incident));
    }
}
