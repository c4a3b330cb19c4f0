using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers;
using Switchboard.Handlers.Hosting;
using Switchboard.LocalHost;

using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Functions;

/// <summary>
/// Builds the local host without starting it, then reads what it serves: every route under <see cref="SwitchboardApi.Prefix"/>
/// and every <see cref="IQueueHandler"/> and <see cref="ITimerJob"/> registered. No storage is touched.
/// </summary>
public static class LocalHostSurface
{
    private static readonly string PrefixSegment = SwitchboardApi.Prefix.Trim('/');

    public static async Task<HostSurface> ReadAsync()
    {
        await using var app = LocalHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(
            TestHost.RequiredSettings("UseDevelopmentStorage=true")), localSettings: false);

        // The app's own data sources: the EndpointDataSource service only sees them once the app has started.
        var http = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => IsUnderPrefix(endpoint.RoutePattern))
            .Select(endpoint => new HttpBinding(
                endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "",
                RouteTemplate.Normalize(endpoint.RoutePattern),
                endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToHashSet(StringComparer.Ordinal) ?? []))
            .ToList();
        var queues = app.Services.GetServices<IQueueHandler>().Select(handler => new QueueBinding(handler.GetType().Name, handler.QueueName)).ToList();
        var timers = app.Services.GetServices<ITimerJob>().Select(job => new TimerBinding(job.Name, job.Schedule)).ToList();
        return new HostSurface(http, queues, timers);
    }

    /// <summary>By segment, so that <c>/api-reference</c> is not under <c>/api</c>.</summary>
    private static bool IsUnderPrefix(RoutePattern pattern) =>
        pattern.PathSegments is [{ Parts: [RoutePatternLiteralPart first] }, ..]
        && first.Content.Equals(PrefixSegment, StringComparison.OrdinalIgnoreCase);
}
