using Switchboard.Core.Status;
using Switchboard.Handlers.Status;

namespace Switchboard.Functions.Status;

/// <summary>The agents' status page API: components, incidents and their updates, maintenance, update templates.</summary>
public sealed class StatusFunctions(
    AgentApi api,
    CreateStatusComponent createComponent, ListStatusComponents listComponents, UpdateStatusComponent updateComponent, DeleteStatusComponent deleteComponent,
    CreateIncident createIncident, AddIncidentUpdate addIncidentUpdate, ListIncidents listIncidents, GetIncident getIncident,
    WritePostmortem writePostmortem, ScheduleMaintenance scheduleMaintenance, ListMaintenances listMaintenances, CancelMaintenance cancelMaintenance,
    CreateIncidentTemplate createTemplate, ListIncidentTemplates listTemplates, UpdateIncidentTemplate updateTemplate, DeleteIncidentTemplate deleteTemplate)
{
    [Function(nameof(CreateStatusComponent))]
    [Api("Status page", "Adds a component to the status page (admins); it starts operational unless a state is given.", typeof(StatusComponent), Status = 201, Body = typeof(NewComponent), Problems = [400, 401, 403, 409])]
    public Task<IResult> CreateStatusComponent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/components")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewComponent>(request, Callers.Admin, (_, body) => createComponent.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListStatusComponents))]
    [Api("Status page", "The status page's components in display order, with their states.", typeof(ComponentList), Problems = [401])]
    public Task<IResult> ListStatusComponents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/components")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listComponents.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(UpdateStatusComponent))]
    [Api("Status page", "Edits a component (admins): name, group, description; state and position when given. The public page is republished.", typeof(StatusComponent), Body = typeof(NewComponent), Problems = [400, 401, 403, 404])]
    public Task<IResult> UpdateStatusComponent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/status/components/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<NewComponent>(request, Callers.Admin, (_, body) => updateComponent.HandleAsync(id, body, cancellationToken), cancellationToken);

    [Function(nameof(DeleteStatusComponent))]
    [Api("Status page", "Removes a component and the uptime checks watching it (admins).", Status = 204, Problems = [401, 403, 404])]
    public Task<IResult> DeleteStatusComponent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/status/components/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin, _ => deleteComponent.HandleAsync(id, cancellationToken), cancellationToken);

    [Function(nameof(CreateIncident))]
    [Api("Status page", "Opens an incident {title, impact, status, message, components: [{id, state}], notify}; the public page is republished.", typeof(IncidentView), Status = 201, Body = typeof(NewIncident), Problems = [400, 401])]
    public Task<IResult> CreateIncident(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/incidents")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewIncident>(request, Callers.AnyAgent, (_, body) => createIncident.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListIncidents))]
    [Api("Status page", "The incidents of the last 90 days, newest first, with their updates.", typeof(IncidentList), Problems = [401])]
    public Task<IResult> ListIncidents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/incidents")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listIncidents.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(GetIncident))]
    [Api("Status page", "One incident with its updates and post-mortem.", typeof(IncidentView), Problems = [401, 404])]
    public Task<IResult> GetIncident(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/incidents/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getIncident.HandleAsync(id, cancellationToken), cancellationToken);

    [Function(nameof(AddIncidentUpdate))]
    [Api("Status page", "The next update of an open incident; resolving returns its components to operational. A resolved incident is final (409).", typeof(IncidentView), Status = 201, Body = typeof(NewIncidentUpdate), Problems = [400, 401, 404, 409])]
    public Task<IResult> AddIncidentUpdate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/incidents/{id}/updates")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<NewIncidentUpdate>(request, Callers.AnyAgent, (_, body) => addIncidentUpdate.HandleAsync(id, body, cancellationToken), cancellationToken);

    [Function(nameof(WritePostmortem))]
    [Api("Status page", "Sets the post-mortem of a resolved incident (409 while it is open).", typeof(IncidentView), Body = typeof(PostmortemBody), Problems = [400, 401, 404, 409])]
    public Task<IResult> WritePostmortem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/status/incidents/{id}/postmortem")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<PostmortemBody>(request, Callers.AnyAgent, (_, body) => writePostmortem.HandleAsync(id, body, cancellationToken), cancellationToken);

    [Function(nameof(ScheduleMaintenance))]
    [Api("Status page", "Schedules maintenance {title, message, components, startsAt, endsAt}, at least 5 minutes ahead and at most 7 days long.", typeof(Maintenance), Status = 201, Body = typeof(NewMaintenance), Problems = [400, 401])]
    public Task<IResult> ScheduleMaintenance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/maintenances")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewMaintenance>(request, Callers.AnyAgent, (_, body) => scheduleMaintenance.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListMaintenances))]
    [Api("Status page", "Maintenance windows starting in the last 90 days or later, earliest first.", typeof(MaintenanceList), Problems = [401])]
    public Task<IResult> ListMaintenances(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/maintenances")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listMaintenances.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(CancelMaintenance))]
    [Api("Status page", "Cancels a maintenance window that has not started (409 once it has); it leaves the public page.", typeof(Maintenance), Problems = [401, 404, 409])]
    public Task<IResult> CancelMaintenance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/maintenances/{id}/cancel")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => cancelMaintenance.HandleAsync(id, cancellationToken), cancellationToken);

    [Function(nameof(CreateIncidentTemplate))]
    [Api("Status page", "A template {name, title, status, message} for a common incident update.", typeof(IncidentTemplate), Status = 201, Body = typeof(NewTemplate), Problems = [400, 401])]
    public Task<IResult> CreateIncidentTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/templates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewTemplate>(request, Callers.AnyAgent, (_, body) => createTemplate.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListIncidentTemplates))]
    [Api("Status page", "The incident update templates, by name.", typeof(TemplateList), Problems = [401])]
    public Task<IResult> ListIncidentTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/templates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listTemplates.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(UpdateIncidentTemplate))]
    [Api("Status page", "Replaces a template's {name, title, status, message}.", typeof(IncidentTemplate), Body = typeof(NewTemplate), Problems = [400, 401, 404])]
    public Task<IResult> UpdateIncidentTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/status/templates/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<NewTemplate>(request, Callers.AnyAgent, (_, body) => updateTemplate.HandleAsync(id, body, cancellationToken), cancellationToken);

    [Function(nameof(DeleteIncidentTemplate))]
    [Api("Status page", "Deletes a template.", Status = 204, Problems = [401, 404])]
    public Task<IResult> DeleteIncidentTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/status/templates/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => deleteTemplate.HandleAsync(id, cancellationToken), cancellationToken);
}
