using Switchboard.Core.Status;
using Switchboard.Handlers.Status.Site;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

/// <summary><c>GET /api/status/incidents</c>: the incidents of the last 90 days, newest first, with their timelines.</summary>
public sealed class ListIncidents(StatusStore store, TimeProvider time)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var incidents = await store.ListIncidentsAsync(time.GetUtcNow() - StatusPageModel.History, cancellationToken);
        return Results.Ok(new IncidentList(incidents.Select(IncidentView.Of).ToList()));
    }
}

/// <summary><c>GET /api/status/incidents/{id}</c>.</summary>
public sealed class GetIncident(StatusStore store)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        return await store.GetIncidentAsync(id, cancellationToken) is var (incident, _)
            ? Results.Ok(IncidentView.Of(incident))
            : Problems.NotFound($"There is no incident '{id}'.");
    }
}

/// <summary><c>PUT /api/status/incidents/{id}/postmortem</c>: the write-up of a resolved incident.</summary>
public sealed class WritePostmortem(StatusStore store, StatusPageChanges changes)
{
    public async Task<IResult> HandleAsync(string id, PostmortemBody body, CancellationToken cancellationToken = default)
    {
        if (StatusRules.Text(body.Text, "text", Incident.MaxPostmortemLength) is { } problem)
        {
            return problem;
        }
        if (await store.GetIncidentAsync(id, cancellationToken) is not var (incident, etag))
        {
            return Problems.NotFound($"There is no incident '{id}'.");
        }
        try
        {
            incident.WritePostmortem(body.Text!.Trim());
        }
        catch (StatusRuleException e)
        {
            return Problems.Conflict(e.Message);
        }
        if (!await StatusConcurrency.TryAsync(() => store.SaveIncidentAsync(incident, null, etag, cancellationToken)))
        {
            return Problems.Conflict("Someone else updated this incident at the same time; reload it and try again.");
        }
        await changes.PublishAsync(cancellationToken);
        return Results.Ok(IncidentView.Of(incident));
    }
}
