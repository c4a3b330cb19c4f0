using Microsoft.AspNetCore.Routing.Patterns;
using Switchboard.Handlers.Hosting;

namespace Switchboard.LocalHost.Functions;

public static class FunctionEndpoints
{
    /// <summary>
    /// Serves every HTTP function at its route and verbs, invoking its <c>[Function]</c> method on a new instance per
    /// request (as the worker does). The endpoint carries the method, its attributes (summary, tags, request and
    /// response types), its verbs and its name as metadata, so the OpenAPI document describes each function as fully as
    /// a minimal API route, with the function name as operationId.
    /// </summary>
    public static void MapFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        foreach (var function in catalog.Http)
        {
            var pattern = RoutePatternFactory.Parse(function.Route);
            var type = function.Method.DeclaringType!;
            var created = RequestDelegateFactory.Create(
                function.Method,
                context => ActivatorUtilities.CreateInstance(context.RequestServices, type),
                new RequestDelegateFactoryOptions
                {
                    ServiceProvider = endpoints.ServiceProvider,
                    RouteParameterNames = [.. pattern.Parameters.Select(p => p.Name)],
                });
            var endpoint = endpoints.Map(pattern, created.RequestDelegate)
                .WithDisplayName(function.Name)
                .WithMetadata([.. created.EndpointMetadata])
                .WithMetadata(function.Method)
                .WithMetadata([.. Declared(type.GetCustomAttributes(inherit: true)), .. Declared(function.Method.GetCustomAttributes(inherit: true))])
                .WithMetadata(new EndpointNameMetadata(function.Name), new RouteNameMetadata(function.Name));
            if (function.Verbs.Count > 0)
            {
                endpoint.WithMetadata(new HttpMethodMetadata(function.Verbs));
            }
        }
    }

    private static IEnumerable<object> Declared(object[] attributes) =>
        attributes.SelectMany(a => a switch
        {
            ApiAttribute api => api.Metadata(),
            ProducesProblemsAttribute problems => problems.Each,
            _ => (IEnumerable<object>)[a],
        });
}
