using Microsoft.AspNetCore.Http;
using Switchboard.Core.Status;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

/// <summary><c>POST /api/status/components</c> (admins): a new component on the page.</summary>
public sealed class CreateStatusComponent(StatusStore store, StatusPageChanges changes)
{
    public async Task<IResult> HandleAsync(NewComponent body, CancellationToken cancellationToken = default)
    {
        if (StatusRules.First(
                StatusRules.Text(body.Name, "name", StatusRules.MaxNameLength),
                StatusRules.Text(body.Group, "group", StatusRules.MaxNameLength, required: false),
                StatusRules.Text(body.Description, "description", 500, required: false)) is { } problem)
        {
            return problem;
        }
        var existing = await store.ListComponentsAsync(cancellationToken);
        if (existing.Count >= StatusRules.MaxComponents)
        {
            return Problems.Conflict($"A page shows at most {StatusRules.MaxComponents} components.");
        }
        var component = new StatusComponent(StatusStore.NewComponentId(), body.Name!.Trim(),
            string.IsNullOrWhiteSpace(body.Group) ? null : body.Group.Trim(), body.Description?.Trim(),
            body.State ?? ComponentState.Operational, body.Position ?? existing.Count);
        await store.AddComponentAsync(component, cancellationToken);
        await changes.PublishAsync(cancellationToken);
        return Results.Created($"/api/status/components/{component.Id}", component);
    }
}

/// <summary><c>GET /api/status/components</c>: the page's components in display order.</summary>
public sealed class ListStatusComponents(StatusStore store)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default) =>
        Results.Ok(new ComponentList(await store.ListComponentsAsync(cancellationToken)));
}
