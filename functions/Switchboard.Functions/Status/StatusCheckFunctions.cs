using Switchboard.Handlers.Status.Checks;

namespace Switchboard.Functions.Status;

/// <summary>The status page's uptime checks.</summary>
public sealed class StatusCheckFunctions(AgentApi api, CreateUptimeCheck createCheck, ListUptimeChecks listChecks)
{
    [Function(nameof(CreateUptimeCheck))]
    [Api("Status page", "Adds an uptime check (admins) {componentId, url, intervalMinutes 1–5, expectedStatus, bodyContains?, timeoutSeconds, openIncident, pageScheduleId?}; http(s) to public addresses only.", typeof(UptimeCheckView), Status = 201, Body = typeof(NewUptimeCheck), Problems = [400, 401, 403])]
    public Task<IResult> CreateUptimeCheck(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/status/checks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<NewUptimeCheck>(request, Callers.Admin, (_, body) => createCheck.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(ListUptimeChecks))]
    [Api("Status page", "The uptime checks with their last run, whether the component is down, and recent response times.", typeof(UptimeCheckList), Problems = [401])]
    public Task<IResult> ListUptimeChecks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/checks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listChecks.HandleAsync(cancellationToken), cancellationToken);
}
