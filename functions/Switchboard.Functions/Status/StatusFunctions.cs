using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Status;
using Switchboard.Handlers.Hosting;
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
    [EndpointSummary("Adds a component to the status page (admins); it starts operational unless a state is given.")]
    [Tags("Status page")]
    [Accepts<NewComponent>("application/json")]
    [ProducesResponseType<StatusComponent>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public Task<IResult> CreateStatusComponent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/components")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewComponent>(request, Callers.Admin, (_, body) => createComponent.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListStatusComponents))]
    [EndpointSummary("The status page's components in display order, with their states.")]
    [Tags("Status page")]
    [ProducesResponseType<ComponentList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> ListStatusComponents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/components")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listComponents.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(UpdateStatusComponent))]
    [EndpointSummary("Edits a component (admins): name, group, description; state and position when given. The public page is republished.")]
    [Tags("Status page")]
    [Accepts<NewComponent>("application/json")]
    [ProducesResponseType<StatusComponent>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> UpdateStatusComponent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/status/components/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<NewComponent>(request, Callers.Admin, (_, body) => updateComponent.HandleAsync(id, body, cancellationToken), cancellationToken);

    [Function(nameof(DeleteStatusComponent))]
    [EndpointSummary("Removes a component and the uptime checks watching it (admins).")]
    [Tags("Status page")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> DeleteStatusComponent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/status/components/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin, _ => deleteComponent.HandleAsync(id, cancellationToken), cancellationToken);

    [Function(nameof(CreateIncident))]
    [EndpointSummary("Opens an incident {title, impact, status, message, components: [{id, state}], notify}; the public page is republished.")]
    [Tags("Status page")]
    [Accepts<NewIncident>("application/json")]
    [ProducesResponseType<IncidentView>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> CreateIncident(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/incidents")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewIncident>(request, Callers.AnyAgent, (_, body) => createIncident.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListIncidents))]
    [EndpointSummary("The incidents of the last 90 days, newest first, with their updates.")]
    [Tags("Status page")]
    [ProducesResponseType<IncidentList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> ListIncidents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/incidents")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listIncidents.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(GetIncident))]
    [EndpointSummary("One incident with its updates and post-mortem.")]
    [Tags("Status page")]
    [ProducesResponseType<IncidentView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> GetIncident(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/incidents/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getIncident.HandleAsync(id, cancellationToken), cancellationToken);

    [Function(nameof(AddIncidentUpdate))]
    [EndpointSummary("The next update of an open incident; resolving returns its components to operational. A resolved incident is final (409).")]
    [Tags("Status page")]
    [Accepts<NewIncidentUpdate>("application/json")]
    [ProducesResponseType<IncidentView>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public Task<IResult> AddIncidentUpdate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/incidents/{id}/updates")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<NewIncidentUpdate>(request, Callers.AnyAgent, (_, body) => addIncidentUpdate.HandleAsync(id, body, cancellationToken), cancellationToken);

    [Function(nameof(WritePostmortem))]
    [EndpointSummary("Sets the post-mortem of a resolved incident (409 while it is open).")]
    [Tags("Status page")]
    [Accepts<PostmortemBody>("application/json")]
    [ProducesResponseType<IncidentView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public Task<IResult> WritePostmortem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/status/incidents/{id}/postmortem")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<PostmortemBody>(request, Callers.AnyAgent, (_, body) => writePostmortem.HandleAsync(id, body, cancellationToken), cancellationToken);

    [Function(nameof(ScheduleMaintenance))]
    [EndpointSummary("Schedules maintenance {title, message, components, startsAt, endsAt}, at least 5 minutes ahead and at most 7 days long.")]
    [Tags("Status page")]
    [Accepts<NewMaintenance>("application/json")]
    [ProducesResponseType<Maintenance>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> ScheduleMaintenance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/maintenances")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewMaintenance>(request, Callers.AnyAgent, (_, body) => scheduleMaintenance.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListMaintenances))]
    [EndpointSummary("Maintenance windows starting in the last 90 days or later, earliest first.")]
    [Tags("Status page")]
    [ProducesResponseType<MaintenanceList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> ListMaintenances(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/maintenances")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listMaintenances.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(CancelMaintenance))]
    [EndpointSummary("Cancels a maintenance window that has not started (409 once it has); it leaves the public page.")]
    [Tags("Status page")]
    [ProducesResponseType<Maintenance>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public Task<IResult> CancelMaintenance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/maintenances/{id}/cancel")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => cancelMaintenance.HandleAsync(id, cancellationToken), cancellationToken);

    [Function(nameof(CreateIncidentTemplate))]
    [EndpointSummary("A template {name, title, status, message} for a common incident update.")]
    [Tags("Status page")]
    [Accepts<NewTemplate>("application/json")]
    [ProducesResponseType<IncidentTemplate>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> CreateIncidentTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/templates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewTemplate>(request, Callers.AnyAgent, (_, body) => createTemplate.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListIncidentTemplates))]
    [EndpointSummary("The incident update templates, by name.")]
    [Tags("Status page")]
    [ProducesResponseType<TemplateList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> ListIncidentTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/templates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listTemplates.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(UpdateIncidentTemplate))]
    [EndpointSummary("Replaces a template's {name, title, status, message}.")]
    [Tags("Status page")]
    [Accepts<NewTemplate>("application/json")]
    [ProducesResponseType<IncidentTemplate>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> UpdateIncidentTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/status/templates/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<NewTemplate>(request, Callers.AnyAgent, (_, body) => updateTemplate.HandleAsync(id, body, cancellationToken), cancellationToken);

    [Function(nameof(DeleteIncidentTemplate))]
    [EndpointSummary("Deletes a template.")]
    [Tags("Status page")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> DeleteIncidentTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/status/templates/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => deleteTemplate.HandleAsync(id, cancellationToken), cancellationToken);
}
