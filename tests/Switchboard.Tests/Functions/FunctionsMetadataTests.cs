using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Functions.WebApp;
using Switchboard.LocalHost;
using Switchboard.LocalHost.Functions;
using Switchboard.LocalHost.Queues;
using Switchboard.LocalHost.Timers;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Functions;

/// <summary>
/// The Functions app as the real host sees it (the SDK's <c>functions.metadata</c>) against what the local host
/// serves, and the host's own rules on routes and their order.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly IReadOnlyList<FunctionMetadata> Metadata = FunctionMetadata.ReadBuildOutput();

    [Fact]
    public async Task Local_host_serves_every_http_function_with_its_route_verbs_and_level()
    {
        await using var app = LocalHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(
            TestHost.RequiredSettings("UseDevelopmentStorage=true")), localSettings: false);
        var served = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(
                e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                e => $"{Verbs(e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}");
        var levels = FunctionCatalog.App.Http.ToDictionary(f => f.Name, f => f.AuthorizationLevel.ToString());

        var http = Metadata.Where(f => f.TriggerType == "httpTrigger").ToList();

        Assert.NotEmpty(http);
        Assert.Equal(
            http.Select(f => $"{f.Name}: {Verbs(f.Verbs)} {f.Value("route")} ({f.Value("authLevel")})").Order(),
            http.Select(f => $"{f.Name}: {served.GetValueOrDefault(f.Name, "(not served)")} ({levels.GetValueOrDefault(f.Name)})").Order());
        Assert.Equal(http.Count, served.Count);
        // The local host checks no function keys, so every function must be anonymous for it to serve it faithfully.
        Assert.All(http, f => Assert.Equal("Anonymous", f.Value("authLevel")));
    }

    [Fact]
    public async Task Local_host_runs_every_queue_and_timer_function_with_its_queue_and_schedule()
    {
        await using var app = LocalHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(
            TestHost.RequiredSettings("UseDevelopmentStorage=true")), localSettings: false);

        var queues = app.Services.GetServices<IQueueHandler>().OfType<FunctionQueueHandler>().Select(h => $"{h.FunctionName}: {h.QueueName}");
        var timers = app.Services.GetServices<ITimerJob>().Select(j => $"{j.Name}: {j.Schedule}");

        Assert.Equal(Metadata.Where(f => f.TriggerType == "queueTrigger").Select(f => $"{f.Name}: {f.Value("queueName")}").Order(), queues.Order());
        Assert.Equal(Metadata.Where(f => f.TriggerType == "timerTrigger").Select(f => $"{f.Name}: {f.Value("schedule")}").Order(), timers.Order());
    }

    [Fact]
    public void Every_queue_in_QueueNames_has_its_function_and_no_function_reads_another()
    {
        Assert.Equal(QueueNames.All.Order(), Metadata.Where(f => f.TriggerType == "queueTrigger").Select(f => f.Value("queueName")!).Order());
    }

    [Fact]
    public void No_route_begins_with_a_prefix_the_host_reserves()
    {
        var reserved = Metadata.Where(f => f.TriggerType == "httpTrigger" && IsReserved(f.Value("route") ?? f.Name)).Select(f => $"{f.Name}: {f.Value("route")}");

        Assert.Empty(reserved);
    }

    [Theory]
    [InlineData("admin/queues/x/replay", true)]
    [InlineData("Administration", true)]
    [InlineData("/runtime/webhooks", true)]
    [InlineData("api/admin/queues", false)]
    [InlineData("api/queues/{queue}/replay", false)]
    public void Reserved_prefix_rule_is_the_hosts(string route, bool reserved) => Assert.Equal(reserved, IsReserved(route));

    [Fact]
    public void Catch_alls_are_tried_last_and_the_api_one_before_the_web_app()
    {
        // The host registers function routes in this order and the first match wins (FunctionMetadataManager.
        // LoadFunctionMetadata sorts by name with StringComparer.OrdinalIgnoreCase; WebScriptHostHttpRoutesManager maps
        // them in that order; azure-functions-host, src/WebJobs.Script).
        var order = Metadata.Where(f => f.TriggerType == "httpTrigger").Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();

        Assert.Equal([WebAppFunctions.ApiNotFoundName, WebAppFunctions.WebAppName], order[^2..]);
        Assert.Equal("api/{*rest}", Metadata.Single(f => f.Name == WebAppFunctions.ApiNotFoundName).Value("route"));
        Assert.Equal("{*path}", Metadata.Single(f => f.Name == WebAppFunctions.WebAppName).Value("route"));
    }

    [Fact]
    public void Every_other_route_is_under_api_and_host_json_adds_no_prefix()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));

        Assert.Equal("", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.All(Metadata.Where(f => f.TriggerType == "httpTrigger" && f.Name != WebAppFunctions.WebAppName),
            f => Assert.StartsWith("api/", f.Value("route"), StringComparison.Ordinal));
    }

    [Fact]
    public void Functions_app_publishes_the_repository_host_json_and_the_web_app()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "functions", "Switchboard.Functions", "Switchboard.Functions.csproj"));

        var hostJson = project.Descendants("None").Single(item => (string?)item.Attribute("Include") == @"..\..\host.json");
        var webApp = project.Descendants("Content").Single(item => (string?)item.Attribute("Include") == @"..\..\web\dist\**");

        Assert.Equal("PreserveNewest", (string?)hostJson.Attribute("CopyToPublishDirectory"));
        Assert.Equal("wwwroot", (string?)webApp.Attribute("LinkBase"));
        Assert.Equal("PreserveNewest", (string?)webApp.Attribute("CopyToPublishDirectory"));
    }

    /// <summary>The host's rule (azure-functions-host, ScriptHost.ValidateHttpFunction): the route, trimmed of '/', lower-cased, must not start so.</summary>
    private static bool IsReserved(string route)
    {
        var trimmed = route.Trim('/').ToLowerInvariant();
        return trimmed.StartsWith("admin", StringComparison.Ordinal) || trimmed.StartsWith("runtime", StringComparison.Ordinal);
    }

    private static string Verbs(IEnumerable<string> verbs) =>
        verbs.Any() ? string.Join(",", verbs.Select(v => v.ToUpperInvariant()).Order(StringComparer.Ordinal)) : "ANY";
}
