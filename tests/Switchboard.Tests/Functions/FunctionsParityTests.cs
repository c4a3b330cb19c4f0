using System.Xml.Linq;
using Switchboard.Handlers;

namespace Switchboard.Tests.Functions;

/// <summary>
/// The Functions app cannot be built here, so its source is held to the local host instead: the same routes, verbs,
/// names, queues and schedules, each function one line that calls its handler.
/// </summary>
public sealed class FunctionsParityTests
{
    [Fact]
    public async Task Functions_app_serves_the_same_routes_queues_and_timers_as_the_local_host()
    {
        var local = await LocalHostSurface.ReadAsync();
        var functions = FunctionsSource.ParseProject();

        AssertNone(ParityComparer.Compare(local, functions.Surface), "The Functions app and the local host differ:");
    }

    [Fact]
    public void Every_function_is_one_anonymous_line_that_calls_its_handler()
    {
        AssertNone(FunctionsSource.ParseProject().RuleViolations, "Functions that break the thin-layer rules:");
    }

    [Fact]
    public void Host_json_route_prefix_is_the_local_api_prefix()
    {
        Assert.Equal(SwitchboardApi.Prefix, "/" + FunctionsSource.HostJsonRoutePrefix());
    }

    [Fact]
    public void Functions_app_publishes_the_repository_host_json()
    {
        var project = XDocument.Load(Path.Combine(FunctionsSource.ProjectFolder, "Switchboard.Functions.csproj"));

        var hostJson = project.Descendants("None").SingleOrDefault(item => (string?)item.Attribute("Include") == @"..\..\host.json");

        Assert.NotNull(hostJson);
        Assert.Equal("host.json", (string?)hostJson.Attribute("Link"));
        Assert.Equal("PreserveNewest", (string?)hostJson.Attribute("CopyToPublishDirectory"));
    }

    private static void AssertNone(IReadOnlyList<string> problems, string heading)
    {
        if (problems.Count > 0)
        {
            Assert.Fail(heading + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
    }
}
