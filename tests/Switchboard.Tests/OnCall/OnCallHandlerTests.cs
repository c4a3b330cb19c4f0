using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Team;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Handlers.OnCall;
using Switchboard.Storage.OnCall;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.OnCall;

/// <summary>On-call handlers called directly with the caller and typed input, no HttpRequest: only the feature's logic runs.</summary>
public sealed class OnCallHandlerTests
{
    [Fact]
    public async Task A_created_schedule_is_stored_and_answered_with_its_table_etag()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var body = JsonSerializer.Deserialize<ScheduleBody>(JsonSerializer.Serialize(OnCallDriver.Body()), OnCallJson.Options)!;

        var result = await host.Services.GetRequiredService<CreateSchedule>().HandleAsync(body);

        var tagged = Assert.IsType<ETaggedResult>(result);
        Assert.Equal(StatusCodes.Status201Created, tagged.StatusCode);
        var view = Assert.IsType<ScheduleView>(tagged.Value);
        var stored = await host.Services.GetRequiredService<ScheduleStore>().GetAsync(view.Id);
        Assert.Equal("Support (primary)", stored?.Schedule.Name);
        Assert.Equal(stored?.ETag.ToString(), tagged.ETag);
        Assert.Equal(tagged.ETag, view.ETag);
    }

    [Fact]
    public async Task An_agent_issues_their_own_calendar_feed_under_the_given_base_but_not_a_teammates()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var issue = host.Services.GetRequiredService<IssueAgentCalendarToken>();
        var ada = new Agent("ada", AgentRoles.Agent, "ada@acme.test", "Ada", Agent.ViaSession);

        var own = await issue.HandleAsync(ada, "ada", "https://help.acme.test");
        var teammates = await issue.HandleAsync(ada, "bob", "https://help.acme.test");

        var issued = Assert.IsType<JsonHttpResult<CalendarTokenIssued>>(own);
        Assert.Equal(StatusCodes.Status201Created, issued.StatusCode);
        Assert.StartsWith("https://help.acme.test" + CalendarTokens.FeedPath, issued.Value!.Url);
        var token = issued.Value.Url[("https://help.acme.test" + CalendarTokens.FeedPath).Length..^".ics".Length];
        Assert.Equal((CalendarFeedKind.Agent, "ada"), await host.Services.GetRequiredService<CalendarTokens>().ResolveAsync(token, default));
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(teammates).StatusCode);
    }
}
