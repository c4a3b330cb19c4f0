using Switchboard.Handlers.Health;

namespace Switchboard.Functions.Health;

// Every function in this project follows one pattern. Its [Function] method is the only declaration: the SDK writes it
// into functions.metadata, the local host serves the same method, and FunctionsMetadataTests holds the two together.
// One class per feature folder, handlers injected by constructor, named nameof(the handler), a body of one call.
//   HTTP: the route includes "api/" (host.json's routePrefix is ""), never starts with admin or runtime; the OpenAPI
//   metadata ([EndpointSummary], [Tags], [Accepts<T>], [ProducesResponseType], [ProducesProblems(…)]) sits on the method.
//   Queue: [QueueTrigger(QueueNames.X)] string message; the body runs the handler through PoisonQueue.RunAsync.
//   Timer: [TimerTrigger("<six-field NCRONTAB, UTC>")] TimerInfo timer; the body calls the job's RunAsync.
public sealed class HealthFunctions(CheckHealth checkHealth)
{
    [Function(nameof(CheckHealth))]
    [Api("Health", "Whether storage (tables, queues, blobs) answers.", typeof(HealthReport))]
    [ProducesResponseType<HealthReport>(StatusCodes.Status503ServiceUnavailable, "application/json")]
    public Task<IResult> CheckHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        checkHealth.HandleAsync(request, cancellationToken);
}
