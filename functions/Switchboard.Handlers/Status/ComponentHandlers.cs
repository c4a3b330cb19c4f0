using Switchboard.Core.Status;
using Switchboard.Storage.Status;
using Switchboard.Handlers.Status.Checks;

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

/// <summary>
/// <c>PUT /api/status/components/{id}</c> (admins): name, group and description as given (an absent group or
/// description is cleared); state and position only when given. Republishes the page.
/// </summary>
public sealed class UpdateStatusComponent(StatusStore store, StatusPageChanges changes)
{
    public async Task<IResult> HandleAsync(string id, NewComponent body, CancellationToken cancellationToken = default)
    {
        if (StatusRules.First(
                StatusRules.Text(body.Name, "name", StatusRules.MaxNameLength),
                StatusRules.Text(body.Group, "group", StatusRules.MaxNameLength, required: false),
                StatusRules.Text(body.Description, "description", 500, required: false)) is { } problem)
        {
            return problem;
        }
        if (await store.GetComponentAsync(id, cancellationToken) is not { } current)
        {
            return Problems.NotFound($"There is no component '{id}'.");
        }
        var component = current with
        {
            Name = body.Name!.Trim(),
            Group = string.IsNullOrWhiteSpace(body.Group) ? null : body.Group.Trim(),
            Description = string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim(),
            State = body.State ?? current.State,
            Position = body.Position ?? current.Position,
        };
        await store.SaveComponentAsync(component, cancellationToken);
        await changes.PublishAsync(cancellationToken);
        return Results.Ok(component);
    }
}

/// <summary>
/// <c>DELETE /api/status/components/{id}</c> (admins): the component and the uptime checks watching it leave the
/// page; past incidents that named it keep their words ("Removed component").
/// </summary>
public sealed class DeleteStatusComponent(StatusStore store, UptimeCheckStore checks, StatusPageChanges changes)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await store.GetComponentAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no component '{id}'.");
        }
        foreach (var (check, _) in (await checks.ListAsync(cancellationToken)).Where(c => c.Check.ComponentId == id))
        {
            await checks.DeleteAsync(check.Id, cancellationToken);
        }
        await store.DeleteComponentAsync(id, cancellationToken);
        await changes.PublishAsync(cancellationToken);
        return Results.NoContent();
    }
}
