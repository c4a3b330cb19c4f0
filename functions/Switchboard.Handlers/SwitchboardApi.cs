using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Handlers.Health;

namespace Switchboard.Handlers;

/// <summary>
/// The route table of the local host. Each route binds, then calls one handler; the Functions app declares the same
/// routes with <c>[HttpTrigger]</c> and FunctionsParityTests proves the two agree (route, verb and name).
/// </summary>
public static class SwitchboardApi
{
    public const string Prefix = "/api";

    public static RouteGroupBuilder MapSwitchboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);

        api.MapGet("/health", (HttpRequest request, CheckHealth handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(nameof(CheckHealth))
            .WithTags("Health")
            .WithSummary("Whether storage (tables, queues, blobs) answers.")
            .Produces<HealthReport>()
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

        return api;
    }
}
