using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Metrics;

public sealed class MetricsApiTests
{
    private const string Monday = "?from=2026-03-02&to=2026-03-02";

    private static JsonElement Day(JsonElement report, string period) =>
        report.GetProperty("volume").EnumerateArray().Single(p => p.GetProperty("period").GetString() == period);

    private static double Seconds(JsonElement figures, string name) => figures.GetProperty(name).GetDouble();

    /// <summary>Opened at 09:00, answered at 11:00, closed at 14:00 (fake clock, no support hours: business time is calendar time).</summary>
    private static async Task<(TestHost Host, MetricsDriver Metrics)> AnsweredAndClosedAsync(int dispatchTimes)
    {
        var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var agent = new ReplyDriver(host);
        var metrics = new MetricsDriver(host);
        var response = await agent.Mail.PostMimeAsync(new TestEmail(ReplyDriver.Customer, "support@acme.test", "Printer jams", "It jams.").ToBytes());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await agent.Mail.ProcessInboundOnlyAsync(countQueueHousekeeping: true);
        await metrics.DispatchEventsAsync(dispatchTimes);
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");

        host.Time!.Advance(TimeSpan.FromHours(2));
        await agent.ReplyAcceptedAsync(id, new { text = "Try the rear tray." });
        await metrics.DispatchEventsAsync(dispatchTimes);
        host.Time.Advance(TimeSpan.FromHours(3));
        var closed = await new ToolkitDriver(host).PatchAsync(id, new { status = "closed" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        await metrics.DispatchEventsAsync(dispatchTimes);
        return (host, metrics);
    }

    [Fact]
    public async Task A_conversation_answered_in_two_hours_and_closed_in_five_shows_in_the_days_figures()
    {
        var (host, metrics) = await AnsweredAndClosedAsync(dispatchTimes: 1);
        await using var _ = host;

        var report = await metrics.GetAsync(Monday);

        var first = report.GetProperty("firstResponse");
        Assert.Equal(1, first.GetProperty("count").GetInt64());
        Assert.InRange(Seconds(first, "medianSeconds"), 7200 / 1.05, 7200 * 1.05);
        Assert.InRange(Seconds(first, "businessP90Seconds"), 7200 / 1.05, 7200 * 1.05);
        Assert.InRange(Seconds(report.GetProperty("resolution"), "medianSeconds"), 18000 / 1.05, 18000 * 1.05);
        Assert.Equal(1.0, report.GetProperty("repliesPerConversation").GetDouble());
        Assert.Equal(0.0, report.GetProperty("withinTarget").GetDouble()); // the default target is ten minutes
        var day = Day(report, "2026-03-02");
        Assert.Equal(1, day.GetProperty("opened").GetInt64());
        Assert.Equal(1, day.GetProperty("closed").GetInt64());
        Assert.Equal(0, day.GetProperty("backlog").GetInt32());
        Assert.Equal(1, day.GetProperty("replies").GetInt64());
    }

    [Fact]
    public async Task Redelivered_events_count_once()
    {
        var (host, metrics) = await AnsweredAndClosedAsync(dispatchTimes: 3);
        await using var _ = host;

        var report = await metrics.GetAsync(Monday);

        var day = Day(report, "2026-03-02");
        Assert.Equal(1, day.GetProperty("opened").GetInt64());
        Assert.Equal(1, day.GetProperty("closed").GetInt64());
        Assert.Equal(1, day.GetProperty("replies").GetInt64());
        Assert.Equal(1, report.GetProperty("firstResponse").GetProperty("count").GetInt64());
        Assert.Equal(1.0, report.GetProperty("repliesPerConversation").GetDouble());
        var week = await metrics.GetAsync(Monday + "&granularity=week");
        Assert.Equal("2026-W10", week.GetProperty("volume")[0].GetProperty("period").GetString());
        Assert.Equal(1, week.GetProperty("volume")[0].GetProperty("opened").GetInt64());
    }

    [Fact]
    public async Task An_open_conversation_is_in_the_backlog_and_carried_over_quiet_days()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        await toolkit.NewConversationAsync();

        var report = await new MetricsDriver(host).GetAsync("?from=2026-03-02&to=2026-03-04");

        Assert.Equal([1, 1, 1], report.GetProperty("volume").EnumerateArray().Select(p => p.GetProperty("backlog").GetInt32()));
        Assert.Equal([1L, 0, 0], report.GetProperty("volume").EnumerateArray().Select(p => p.GetProperty("opened").GetInt64()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("firstResponse").GetProperty("medianSeconds").ValueKind);
    }

    [Fact]
    public async Task A_mailbox_shows_only_its_own_conversations()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        await toolkit.NewConversationAsync();
        var metrics = new MetricsDriver(host);

        var mine = await metrics.GetAsync(Monday + "&mailbox=support@acme.test");
        var other = await metrics.GetAsync(Monday + "&mailbox=billing@acme.test");

        Assert.Equal(1, Day(mine, "2026-03-02").GetProperty("opened").GetInt64());
        Assert.Equal(0, Day(other, "2026-03-02").GetProperty("opened").GetInt64());
    }

    [Fact]
    public async Task The_csv_export_has_a_line_per_day_matching_the_json()
    {
        var (host, metrics) = await AnsweredAndClosedAsync(dispatchTimes: 1);
        await using var _ = host;

        var response = await metrics.SendAsync("/api/metrics/export.csv?from=2026-03-01&to=2026-03-02");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("period,opened,closed,backlog,replies,first_response_median_seconds", lines[0]);
        Assert.Equal("2026-03-01,0,0,,0,", lines[1]);
        Assert.StartsWith("2026-03-02,1,1,0,1,", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Knowledge_base_votes_and_deflected_visits_count_for_all_mailboxes()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var article = await KnowledgeBase.KbClient.CreateAsync(host, "Reset your password", "Use the link.");
        await host.Client.PostAsJsonAsync($"/api/public/kb/{article.Slug}/feedback", new { helpful = true });
        await host.Client.PostAsJsonAsync($"/api/public/kb/{article.Slug}/feedback", new { helpful = false });
        await host.Client.PostAsJsonAsync($"/api/public/kb/{article.Slug}/feedback", new { helpful = true });
        var session = new string('a', 32);
        await host.Client.PostAsJsonAsync("/api/public/kb/contact-visits", new { session, @event = "visit" });
        await host.Client.PostAsJsonAsync("/api/public/kb/contact-visits", new { session, @event = "opened" });
        await host.Client.PostAsJsonAsync("/api/public/kb/contact-visits", new { session, @event = "opened" });

        var kb = (await new MetricsDriver(host).GetAsync(Monday)).GetProperty("kb");

        Assert.Equal(2, kb.GetProperty("helpful").GetInt64());
        Assert.Equal(1, kb.GetProperty("notHelpful").GetInt64());
        Assert.Equal(1, kb.GetProperty("deflected").GetInt64());
        Assert.Equal(1.0, kb.GetProperty("deflectionRate").GetDouble());
    }

    [Theory]
    [InlineData("?granularity=month", "granularity")]
    [InlineData("?from=2026-03-05&to=2026-03-01", "from")]
    [InlineData("?from=2024-01-01&to=2026-03-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?mailbox=support", "mailbox")]
    public async Task Bad_query_is_400_naming_the_parameter(string query, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);

        var response = await new MetricsDriver(host).SendAsync("/api/metrics" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
    }

    [Fact]
    public async Task Metrics_need_a_signed_in_agent()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);

        var response = await host.Client.GetAsync("/api/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
