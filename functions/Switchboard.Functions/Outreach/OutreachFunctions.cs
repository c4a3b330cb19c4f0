using System.Text.Json;
using Switchboard.Handlers.Outreach;

namespace Switchboard.Functions.Outreach;

public sealed class OutreachFunctions(AgentApi api, ReceiveAlert receiveAlert, OutreachTemplates templates)
{
    [Function(nameof(ReceiveAlert))]
    [Api("Outreach", "An error alert from your product about one customer (API key): the generic shape below, or a Sentry issue-alert or legacy webhook body. Opens or joins the customer's outreach draft; at or above Outreach:PageSeverity it pages on-call now.", typeof(AlertReceived), Status = 202, Body = typeof(AlertBody), Problems = [400, 401, 403, 413, 415])]
    public Task<IResult> ReceiveAlert(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/alerts")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<JsonDocument>(request, Callers.AnyAgent,
            (agent, body) => receiveAlert.HandleAsync(agent, body, cancellationToken), cancellationToken, maxBodyBytes: Handlers.Outreach.ReceiveAlert.MaxBodyBytes);

    [Function("GetOutreachTemplate")]
    [Api("Outreach", "The template outreach drafts start from (placeholders {name}, {summary}, {time}, {date}, {count}).", typeof(OutreachTemplateView), Problems = [401])]
    public Task<IResult> GetOutreachTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/outreach/template")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => templates.GetAsync(agent, cancellationToken), cancellationToken);

    [Function("PutOutreachTemplate")]
    [Api("Outreach", "Replaces the outreach template (admins): subject (one line, up to 200 characters) and body (up to 10,000); unknown placeholders are refused.", typeof(OutreachTemplateView), Body = typeof(OutreachTemplateBody), Problems = [400, 401, 403])]
    public Task<IResult> PutOutreachTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/outreach/template")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<OutreachTemplateBody>(request, Callers.Admin, (agent, body) => templates.PutAsync(agent, body, cancellationToken), cancellationToken);
}
