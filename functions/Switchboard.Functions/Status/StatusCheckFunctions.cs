using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Hosting;
using Switchboard.Handlers.Status.Checks;

namespace Switchboard.Functions.Status;

/// <summary>The status page's uptime checks.</summary>
public sealed class StatusCheckFunctions(AgentApi api, CreateUptimeCheck createCheck, ListUptimeChecks listChecks)
{
    [Function(nameof(CreateUptimeCheck))]
    [EndpointSummary("Adds an uptime check (admins) {componentId, url, intervalMinutes 1–5, expectedStatus, bodyContains?, timeoutSeconds, openIncident, pageScheduleId?}; http(s) to public addresses only.")]
    [Tags("Status page")]
    [Accepts<NewUptimeCheck>("application/json")]
    [ProducesResponseType<UptimeCheckView>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public Task<IResult> CreateUptimeCheck(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/checks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewUptimeCheck>(request, Callers.Admin, (_, body) => createCheck.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListUptimeChecks))]
    [EndpointSummary("The uptime checks with their last run, whether the component is down, and recent response times.")]
    [Tags("Status page")]
    [ProducesResponseType<UptimeCheckList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> ListUptimeChecks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/checks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listChecks.HandleAsync(cancellationToken), cancellationToken);
}
