using Microsoft.AspNetCore.Routing;
using Switchboard.Handlers.WebApp;

namespace Switchboard.Functions.WebApp;

/// <summary>
/// The two catch-alls that let one Function app serve the API and the agent app (host.json's routePrefix is "").
/// The Functions host does not pick the most specific route: it tries function routes in the order of their function
/// names (OrdinalIgnoreCase) and the first match wins. So both are named to sort after every other function, the API's
/// before the app's, and FunctionsMetadataTests pins that order.
/// </summary>
public sealed class WebAppFunctions(ServeWebApp serveWebApp)
{
    public const string ApiNotFoundName = "ZzApiNotFound";
    public const string WebAppName = "ZzWebApp";

    [Function(ApiNotFoundName)]
    [ExcludeFromDescription]
    public IResult ApiNotFound(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "api/{*rest}")] HttpRequest request, string? rest) =>
        Problems.NotFound($"There is no API route {request.Method} /api/{rest}.");

    [Function(WebAppName)]
    [ExcludeFromDescription]
    public IResult WebApp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{*path}")] HttpRequest request, string? path) =>
        serveWebApp.Handle(request, path);
}
