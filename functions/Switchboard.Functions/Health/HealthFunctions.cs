using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Health;
using Switchboard.Handlers.Hosting;

namespace Switchboard.Functions.Health;

// Every function in this project follows one pattern, and FunctionsParityTests holds it to the local host:
// one class per feature folder, handlers injected by constructor, one [Function] per handler named nameof(the handler),
// and a body that is one call to that handler. HTTP routes are the local ones without the "/api/" prefix (host.json adds it).
//
//   HTTP, route parameters bound by name:
//     [Function(nameof(GetConversation))]
//     public Task<IResult> GetConversation(
//         [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations/{id}")] HttpRequest request,
//         string id, CancellationToken cancellationToken) =>
//         getConversation.HandleAsync(id, request, cancellationToken);
//   Queue (connection: the AzureWebJobsStorage setting):
//     [Function(nameof(ProcessInboundEmail))]
//     public Task ProcessInboundEmail([QueueTrigger(QueueNames.InboundEmail)] string message, CancellationToken cancellationToken) =>
//         processInboundEmail.HandleAsync(message, cancellationToken);
//   Timer (function name = ITimerJob.Name, schedule = a const that ITimerJob.Schedule also returns):
//     [Function(nameof(SendWeeklyDigest))]
//     public Task SendWeeklyDigest([TimerTrigger(Schedules.WeeklyDigest)] TimerInfo timer, CancellationToken cancellationToken) =>
//         sendWeeklyDigest.RunAsync(cancellationToken);
public sealed class HealthFunctions(CheckHealth checkHealth)
{
    [Function(nameof(CheckHealth))]
    [EndpointSummary("Whether storage (tables, queues, blobs) answers.")]
    [Tags("Health")]
    [ProducesResponseType<HealthReport>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<HealthReport>(StatusCodes.Status503ServiceUnavailable, "application/json")]
    public Task<IResult> CheckHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        checkHealth.HandleAsync(request, cancellationToken);
}
