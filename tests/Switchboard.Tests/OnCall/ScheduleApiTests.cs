using System.Net;
using System.Text.Json;
using Ical.Net;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.OnCall;

/// <summary>The schedules API over Azurite, time driven by a FakeTimeProvider starting Monday 2026-03-02 09:00 UTC.</summary>
public sealed class ScheduleApiTests
{
    [Fact]
    public async Task Timeline_hands_off_at_local_nine_across_the_spring_forward_change()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        var id = (await api.CreateAsync(OnCallDriver.Body(startDate: "2026-03-23"))).Str("id");

        // Berlin moves from +01:00 to +02:00 on Sunday 29 March 2026 at 02:00.
        var timeline = await api.GetAsync($"/api/oncall/schedules/{id}/timeline?from=2026-03-27T08:00:00Z&to=2026-03-31T07:00:00Z");

        var bands = timeline.GetProperty("bands").EnumerateArray().ToList();
        Assert.Equal(
            ["2026-03-27T09:00:00+01:00", "2026-03-28T09:00:00+01:00", "2026-03-29T09:00:00+02:00", "2026-03-30T09:00:00+02:00"],
            bands.Select(b => b.Str("localStart")));
        Assert.Equal(["ada", "bob", "ada", "bob"], bands.Select(b => b.Str("agentId")));
        Assert.Equal("2026-03-29T07:00:00+00:00", bands[1].Str("end")); // a 23-hour shift: 08:00Z to 07:00Z
        Assert.All(bands, b => Assert.False(b.GetProperty("gap").GetBoolean()));
    }

    [Fact]
    public async Task Timeline_defaults_to_the_next_fourteen_days_and_marks_gaps()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        // The rota starts on Wednesday: until then nobody is on call.
        var id = (await api.CreateAsync(OnCallDriver.Body(startDate: "2026-03-04"))).Str("id");

        var timeline = await api.GetAsync($"/api/oncall/schedules/{id}/timeline");

        Assert.Equal("2026-03-02T09:00:00+00:00", timeline.Str("from"));
        Assert.Equal("2026-03-16T09:00:00+00:00", timeline.Str("to"));
        var first = timeline.GetProperty("bands")[0];
        Assert.True(first.GetProperty("gap").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("agentId").ValueKind);
        Assert.Equal("2026-03-04T09:00:00+01:00", first.Str("localEnd"));
        var layer = Assert.Single(timeline.GetProperty("layers").EnumerateArray());
        Assert.Equal("Primary", layer.Str("name"));
        Assert.Equal(["ada", "bob"], layer.GetProperty("bands").EnumerateArray().Take(2).Select(b => b.Str("agentId")));
        Assert.Equal("2026-03-04T09:00:00+01:00", layer.GetProperty("bands")[0].Str("localStart"));
    }

    [Fact]
    public async Task Override_changes_who_is_on_call_now_until_it_ends_or_is_removed()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        var id = (await api.CreateAsync(OnCallDriver.Body(shift: "days", count: 7, participants: ["ada", "bob"]))).Str("id");
        var now = host.Time!.GetUtcNow();

        var before = Single(await api.GetAsync("/api/oncall/now"));
        var added = await api.AddOverrideAsync(id, "carol", now.AddHours(-1), now.AddHours(2));
        var during = Single(await api.GetAsync("/api/oncall/now"));
        var removed = await api.SendAsync(HttpMethod.Delete, $"/api/oncall/schedules/{id}/overrides/{added.Str("id")}");
        var again = Single(await api.GetAsync("/api/oncall/now"));
        await api.AddOverrideAsync(id, "carol", now, now.AddHours(2));
        host.Time.Advance(TimeSpan.FromHours(2));
        var after = Single(await api.GetAsync("/api/oncall/now"));

        Assert.Equal("ada", before.Str("agentId"));
        Assert.Equal("carol", during.Str("agentId"));
        Assert.Equal("2026-03-02T11:00:00+00:00", during.Str("until"));
        Assert.Equal("ada", during.GetProperty("next").Str("agentId"));
        Assert.Equal("ada", after.Str("agentId"));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal("ada", again.Str("agentId"));
        Assert.Equal("bob", again.GetProperty("next").Str("agentId"));
        Assert.Equal("2026-03-09T08:00:00+00:00", again.GetProperty("next").Str("at"));
    }

    [Fact]
    public async Task Put_with_a_stale_etag_is_409_and_without_one_428()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        var created = await api.CreateAsync(OnCallDriver.Body());
        var path = $"/api/oncall/schedules/{created.Str("id")}";
        var read = await api.SendAsync(HttpMethod.Get, path);
        var etag = read.Headers.ETag?.ToString() ?? string.Join("", read.Headers.GetValues("ETag"));
        Assert.Equal(created.Str("etag"), etag);

        var first = await api.SendAsync(HttpMethod.Put, path, OnCallDriver.Body(participants: ["ada", "bob", "carol"]), ifMatch: etag);
        var stale = await api.SendAsync(HttpMethod.Put, path, OnCallDriver.Body(participants: ["dan"]), ifMatch: etag);
        var unconditional = await api.SendAsync(HttpMethod.Put, path, OnCallDriver.Body(participants: ["dan"]));

        var updated = await OnCallDriver.ReadAsync(first, 200);
        Assert.NotEqual(etag, updated.Str("etag"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal((HttpStatusCode)428, unconditional.StatusCode);
        var stored = await api.GetAsync(path);
        Assert.Equal(["ada", "bob", "carol"], stored.GetProperty("layers")[0].GetProperty("participants").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Invalid_schedule_is_400_naming_the_field()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var api = new OnCallDriver(host);
        var body = """{"name":"Support","timeZoneId":"Europe/Berlin","layers":[{"name":"Primary","participants":[],"shiftLength":{"unit":"days","count":1},"handOffTime":"09:00","startDate":"2026-03-02"}]}""";

        var response = await api.SendAsync(HttpMethod.Post, "/api/oncall/schedules", body);

        var problem = await OnCallDriver.ReadAsync(response, 400);
        Assert.Equal("layers[0].participants", problem.Str("field"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("layers[0].participants", out _));
        Assert.Empty((await api.GetAsync("/api/oncall/schedules")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("[1, 2]", "body")]
    [InlineData("""{"name":"S","timeZoneId":"Mars/Olympus","layers":[]}""", "timeZoneId")]
    [InlineData("""{"name":"S","timeZoneId":"Europe/Berlin","layers":[{"name":"L","participants":["a"],"shiftLength":{"unit":"days","count":1},"handOffTime":"25:00","startDate":"2026-03-02"}]}""", "layers[0].handOffTime")]
    [InlineData("""{"name":"S","timeZoneId":"Europe/Berlin","layers":[{"name":"L","participants":["a"],"shiftLength":{"unit":"weeks","count":1},"handOffTime":"09:00","startDate":"2026-03-02"}]}""", "layers[0].shiftLength.unit")]
    [InlineData("""{"name":"S","timeZoneId":"Europe/Berlin","layers":[{"name":"L","participants":["a"],"shiftLength":{"unit":"days","count":1},"startDate":"2026-03-02"}]}""", "layers[0].handOffTime")]
    public async Task Bad_bodies_are_400_never_500(string body, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new OnCallDriver(host).SendAsync(HttpMethod.Post, "/api/oncall/schedules", body);

        Assert.Equal(field, (await OnCallDriver.ReadAsync(response, 400)).Str("field"));
    }

    [Fact]
    public async Task Override_that_ends_before_it_starts_is_400_naming_end()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        var id = (await api.CreateAsync(OnCallDriver.Body())).Str("id");
        var now = host.Time!.GetUtcNow();

        var response = await api.SendAsync(HttpMethod.Post, $"/api/oncall/schedules/{id}/overrides", new { agentId = "carol", start = now, end = now.AddHours(-1) });

        Assert.Equal("end", (await OnCallDriver.ReadAsync(response, 400)).Str("field"));
    }

    [Fact]
    public async Task Calendar_feeds_open_without_a_header_through_their_secret_url()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        var id = (await api.CreateAsync(OnCallDriver.Body(shift: "days", count: 7))).Str("id");
        var scheduleUrl = (await OnCallDriver.ReadAsync(await api.SendAsync(HttpMethod.Post, $"/api/oncall/schedules/{id}/calendar-token"), 201)).Str("url");
        var agentUrl = (await OnCallDriver.ReadAsync(await api.SendAsync(HttpMethod.Post, "/api/oncall/agents/ada/calendar-token"), 201)).Str("url");

        var scheduleFeed = await host.Client.GetAsync(scheduleUrl);
        var agentFeed = await host.Client.GetAsync(agentUrl);

        Assert.EndsWith(".ics", scheduleUrl);
        Assert.Equal("text/calendar", scheduleFeed.Content.Headers.ContentType?.MediaType);
        var schedule = Calendar.Load(await scheduleFeed.Content.ReadAsStringAsync())!;
        // From a week before now (Monday 2 March, the first shift) to 60 days ahead: nine weekly shifts, ada and bob in turn.
        var events = schedule.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(9, events.Count);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), events[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc), events[0].DtEnd!.AsUtc);
        Assert.Equal("On call: Support (primary) – ada", events[0].Summary);
        Assert.Equal("On call: Support (primary) – bob", events[1].Summary);
        var agent = Calendar.Load(await agentFeed.Content.ReadAsStringAsync())!;
        Assert.Equal(5, agent.Events.Count);
        Assert.All(agent.Events, e => Assert.Equal("On call: Support (primary)", e.Summary));
    }

    [Fact]
    public async Task Revoked_or_replaced_calendar_tokens_are_404()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        var id = (await api.CreateAsync(OnCallDriver.Body())).Str("id");
        async Task<string> IssueAsync(string path) => (await OnCallDriver.ReadAsync(await api.SendAsync(HttpMethod.Post, path), 201)).Str("url");

        var first = await IssueAsync($"/api/oncall/schedules/{id}/calendar-token");
        var second = await IssueAsync($"/api/oncall/schedules/{id}/calendar-token");
        var replacedStatus = (await host.Client.GetAsync(first)).StatusCode;
        var currentStatus = (await host.Client.GetAsync(second)).StatusCode;
        var revoke = await api.SendAsync(HttpMethod.Delete, $"/api/oncall/schedules/{id}/calendar-token");
        var revoked = await host.Client.GetAsync(second);
        var agentUrl = await IssueAsync("/api/oncall/agents/ada/calendar-token");
        await api.SendAsync(HttpMethod.Delete, "/api/oncall/agents/ada/calendar-token");

        Assert.Equal(HttpStatusCode.NotFound, replacedStatus);
        Assert.Equal(HttpStatusCode.OK, currentStatus);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(agentUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/oncall/calendars/not-a-token.ics")).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/oncall/schedules")]
    [InlineData("POST", "/api/oncall/schedules")]
    [InlineData("GET", "/api/oncall/schedules/s0123456789abcdef0123")]
    [InlineData("PUT", "/api/oncall/schedules/s0123456789abcdef0123")]
    [InlineData("DELETE", "/api/oncall/schedules/s0123456789abcdef0123")]
    [InlineData("POST", "/api/oncall/schedules/s0123456789abcdef0123/overrides")]
    [InlineData("DELETE", "/api/oncall/schedules/s0123456789abcdef0123/overrides/o0123456789abcdef0123")]
    [InlineData("GET", "/api/oncall/schedules/s0123456789abcdef0123/timeline")]
    [InlineData("GET", "/api/oncall/now")]
    [InlineData("POST", "/api/oncall/schedules/s0123456789abcdef0123/calendar-token")]
    [InlineData("POST", "/api/oncall/agents/ada/calendar-token")]
    public async Task Anonymous_calls_are_401(string method, string path)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new OnCallDriver(host).SendAsync(new HttpMethod(method), path, authorized: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/oncall/schedules/s0123456789abcdef0123")]
    [InlineData("GET", "/api/oncall/schedules/NOT%20AN%20ID")]
    [InlineData("DELETE", "/api/oncall/schedules/s0123456789abcdef0123")]
    [InlineData("GET", "/api/oncall/schedules/s0123456789abcdef0123/timeline")]
    [InlineData("DELETE", "/api/oncall/schedules/s0123456789abcdef0123/overrides/o0123456789abcdef0123")]
    [InlineData("POST", "/api/oncall/schedules/s0123456789abcdef0123/calendar-token")]
    public async Task Unknown_schedules_are_404(string method, string path)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new OnCallDriver(host).SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2026-13-01", "to")]
    [InlineData("?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("?from=2026-03-01T00:00:00Z&to=2026-06-01T00:00:00Z", "to")]
    public async Task Timeline_interval_is_checked(string query, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        var id = (await api.CreateAsync(OnCallDriver.Body())).Str("id");

        var response = await api.SendAsync(HttpMethod.Get, $"/api/oncall/schedules/{id}/timeline{query}");

        Assert.Equal(field, (await OnCallDriver.ReadAsync(response, 400)).Str("field"));
    }

    [Fact]
    public async Task Deleted_schedule_is_gone_with_its_overrides()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        var id = (await api.CreateAsync(OnCallDriver.Body())).Str("id");
        await api.AddOverrideAsync(id, "carol", host.Time!.GetUtcNow(), host.Time.GetUtcNow().AddHours(1));

        var deleted = await api.SendAsync(HttpMethod.Delete, $"/api/oncall/schedules/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(HttpMethod.Get, $"/api/oncall/schedules/{id}")).StatusCode);
        Assert.Empty((await api.GetAsync("/api/oncall/now")).GetProperty("schedules").EnumerateArray());
        var leftovers = host.Storage.Table("OnCallSchedules").QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "overrides-" + id);
        Assert.Empty(await leftovers.ToListAsync());
    }

    private static JsonElement Single(JsonElement now) => Assert.Single(now.GetProperty("schedules").EnumerateArray());
}
