using Microsoft.AspNetCore.Http;
using Switchboard.Core.Status;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status;

/// <summary><c>POST /api/status/templates</c>: words for a common incident update.</summary>
public sealed class CreateIncidentTemplate(StatusStore store)
{
    public async Task<IResult> HandleAsync(NewTemplate body, CancellationToken cancellationToken = default)
    {
        if (StatusRules.First(
                StatusRules.Text(body.Name, "name", StatusRules.MaxNameLength),
                StatusRules.Text(body.Title, "title", Incident.MaxTitleLength),
                body.Status is null ? Problems.BadRequest("status is required.", "status") : null,
                StatusRules.Text(body.Message, "message", Incident.MaxMessageLength)) is { } problem)
        {
            return problem;
        }
        var template = new IncidentTemplate(StatusStore.NewTemplateId(), body.Name!.Trim(), body.Title!.Trim(), body.Status!.Value, body.Message!.Trim());
        await store.AddTemplateAsync(template, cancellationToken);
        return Results.Created($"/api/status/templates/{template.Id}", template);
    }
}

/// <summary><c>GET /api/status/templates</c>: the update templates by name.</summary>
public sealed class ListIncidentTemplates(StatusStore store)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default) =>
        Results.Ok(new TemplateList(await store.ListTemplatesAsync(cancellationToken)));
}
