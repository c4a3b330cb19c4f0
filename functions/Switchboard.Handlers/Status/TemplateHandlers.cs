using Switchboard.Core.Status;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

/// <summary><c>POST /api/status/templates</c>: words for a common incident update.</summary>
public sealed class CreateIncidentTemplate(StatusStore store)
{
    public async Task<IResult> HandleAsync(NewTemplate body, CancellationToken cancellationToken = default)
    {
        if (Problem(body) is { } problem)
        {
            return problem;
        }
        var template = new IncidentTemplate(StatusStore.NewTemplateId(), body.Name!.Trim(), body.Title!.Trim(), body.Status!.Value, body.Message!.Trim());
        await store.AddTemplateAsync(template, cancellationToken);
        return Results.Created($"/api/status/templates/{template.Id}", template);
    }

    internal static IResult? Problem(NewTemplate body) => StatusRules.First(
        StatusRules.Text(body.Name, "name", StatusRules.MaxNameLength),
        StatusRules.Text(body.Title, "title", Incident.MaxTitleLength),
        body.Status is null ? Problems.BadRequest("status is required.", "status") : null,
        StatusRules.Text(body.Message, "message", Incident.MaxMessageLength));
}

/// <summary><c>PUT /api/status/templates/{id}</c>: new words for a template (all four fields).</summary>
public sealed class UpdateIncidentTemplate(StatusStore store)
{
    public async Task<IResult> HandleAsync(string id, NewTemplate body, CancellationToken cancellationToken = default)
    {
        if (CreateIncidentTemplate.Problem(body) is { } problem)
        {
            return problem;
        }
        var template = new IncidentTemplate(id, body.Name!.Trim(), body.Title!.Trim(), body.Status!.Value, body.Message!.Trim());
        return await store.ReplaceTemplateAsync(template, cancellationToken)
            ? Results.Ok(template)
            : Problems.NotFound($"There is no template '{id}'.");
    }
}

/// <summary><c>DELETE /api/status/templates/{id}</c>.</summary>
public sealed class DeleteIncidentTemplate(StatusStore store)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default) =>
        await store.DeleteTemplateAsync(id, cancellationToken) ? Results.NoContent() : Problems.NotFound($"There is no template '{id}'.");
}

/// <summary><c>GET /api/status/templates</c>: the update templates by name.</summary>
public sealed class ListIncidentTemplates(StatusStore store)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default) =>
        Results.Ok(new TemplateList(await store.ListTemplatesAsync(cancellationToken)));
}
