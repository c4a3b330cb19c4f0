using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Core.Nps;
using Switchboard.Handlers.Nps;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Tests.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Metrics;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Nps;

public sealed partial class NpsSurveyTests
{
    private const string Dana = "Dana Customer <dana@example.com>";

    private static readonly Dictionary<string, string?> SurveysOn = new()
    {
        ["Nps:Mailboxes:0:Address"] = "support@acme.test",
        ["Nps:Mailboxes:0:DaysAfterClose"] = "3",
        ["Mail:TeamName"] = "Acme Support",
    };

    private sealed class Desk(TestHost host) : IAsyncDisposable
    {
        public TestHost Host { get; } = host;
        public ToolkitDriver Toolkit { get; } = new(host);
        public ReplyDriver Agent { get; } = new(host);
        public MetricsDriver Metrics { get; } = new(host);

        public static async Task<Desk> StartAsync() => new(await TestHost.StartAsync(settings: SurveysOn, queuePump: false, fakeTime: true));

        /// <summary>A customer writes in (as <paramref name="email"/> says, or plainly) and an agent closes the conversation.</summary>
        public async Task<string> ClosedConversationAsync(string subject, TestEmail? email = null)
        {
            var posted = await Toolkit.Mail.PostMimeAsync((email ?? new TestEmail(Dana, "support@acme.test", subject, "It jams.")).ToBytes());
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            await Toolkit.Mail.ProcessQueuedAsync();
            // Automatic mail may start a conversation that is not open: look in both lists.
            var id = (await Toolkit.Mail.AllConversationsAsync()).Concat(await Toolkit.Mail.AllConversationsAsync("closed"))
                .First(c => c.Str("subject") == subject).Str("id");
            Assert.Equal(HttpStatusCode.OK, (await Toolkit.PatchAsync(id, new { status = "closed" })).StatusCode);
            await Metrics.DispatchEventsAsync();
            return id;
        }

        /// <summary>
        /// The survey message the close queued (hidden for days in the queue, so rebuilt from the conversation as the
        /// scheduler wrote it), handled once its time has come.
        /// </summary>
        public async Task<NpsSurveyDecision?> SurveyDueAsync(string id, DateTimeOffset closedAt)
        {
            var due = new NpsSurveyDue(id, closedAt, closedAt.AddDays(3));
            if (Host.Time!.GetUtcNow() < due.DueAt)
            {
                Host.Time.Advance(due.DueAt - Host.Time.GetUtcNow());
            }
            return await Host.Services.GetRequiredService<SendNpsSurvey>().HandleAsync(JsonSerializer.Serialize(due, JsonDefaults.Options));
        }

        public async Task<DateTimeOffset> ClosedAtAsync(string id) =>
            (await Host.Services.GetRequiredService<ConversationStore>().GetHeadAsync(id))!.ClosedAt!.Value;

        public async Task<int> QueuedSurveysAsync() =>
            (await Host.Storage.Queue(QueueNames.NpsSurveys).GetPropertiesAsync()).Value.ApproximateMessagesCount;

        public async Task<List<JsonElement>> SurveyMailsAsync() =>
            [.. (await Agent.SinkAsync()).Where(m => m.Str("subject").StartsWith("How likely", StringComparison.Ordinal))];

        public static string[] Links(JsonElement mail) => [.. LinkPattern().Matches(mail.Str("text")).Select(m => m.Value).Distinct()];

        public async Task<JsonElement> NpsAsync(DateTimeOffset day)
        {
            var d = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return (await Metrics.GetAsync($"?from={d}&to={d}")).GetProperty("nps");
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    [Fact]
    public async Task A_closed_conversation_is_surveyed_n_days_later_and_the_answer_counts_in_the_metrics()
    {
        await using var desk = await Desk.StartAsync();
        var id = await desk.ClosedConversationAsync("Printer jams");
        Assert.Equal(1, await desk.QueuedSurveysAsync());
        Assert.Empty(await desk.SurveyMailsAsync());

        Assert.Equal(NpsSurveyDecision.Send, await desk.SurveyDueAsync(id, await desk.ClosedAtAsync(id)));

        var mail = Assert.Single(await desk.SurveyMailsAsync());
        Assert.Contains("dana@example.com", mail.Str("to"));
        var links = Desk.Links(mail);
        Assert.Equal(11, links.Length);
        var page = await desk.Host.Client.GetAsync(links[9]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Thank you", html);
        Assert.Contains("<textarea", html);
        var nps = await desk.NpsAsync(desk.Host.Time!.GetUtcNow());
        Assert.Equal(100, nps.GetProperty("score").GetDouble());
        Assert.Equal(1, nps.GetProperty("promoters").GetInt64());
        Assert.Equal(1, nps.GetProperty("responses").GetInt64());
    }

    [Fact]
    public async Task Changing_ones_mind_replaces_the_answer_and_a_comment_reaches_the_team()
    {
        await using var desk = await Desk.StartAsync();
        var id = await desk.ClosedConversationAsync("Printer jams");
        await desk.SurveyDueAsync(id, await desk.ClosedAtAsync(id));
        var links = Desk.Links(Assert.Single(await desk.SurveyMailsAsync()));
        var answeredOn = desk.Host.Time!.GetUtcNow();

        await desk.Host.Client.GetAsync(links[10]);
        desk.Host.Time.Advance(TimeSpan.FromDays(2));
        await desk.Host.Client.GetAsync(links[3]);
        await desk.Host.Client.GetAsync(links[3]);

        var nps = await desk.NpsAsync(answeredOn);
        Assert.Equal(-100, nps.GetProperty("score").GetDouble());
        Assert.Equal(0, nps.GetProperty("promoters").GetInt64());
        Assert.Equal(1, nps.GetProperty("detractors").GetInt64());
        Assert.Equal(1, nps.GetProperty("responses").GetInt64());
        var comment = await desk.Host.Client.PostAsync(links[3] + "/comment",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["comment"] = "Took a week to answer." }));
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);
    }

    [Fact]
    public async Task A_tampered_survey_link_is_400_and_counts_nothing()
    {
        await using var desk = await Desk.StartAsync();
        var id = await desk.ClosedConversationAsync("Printer jams");
        await desk.SurveyDueAsync(id, await desk.ClosedAtAsync(id));
        var links = Desk.Links(Assert.Single(await desk.SurveyMailsAsync()));
        // Turn the 0 into a 10 without re-signing.
        var tampered = links[0].Replace("-0.", "-10.", StringComparison.Ordinal);

        var response = await desk.Host.Client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await desk.NpsAsync(desk.Host.Time!.GetUtcNow())).GetProperty("responses").GetInt64());
    }

    [Fact]
    public async Task A_customer_is_asked_at_most_once_in_90_days()
    {
        await using var desk = await Desk.StartAsync();
        var first = await desk.ClosedConversationAsync("Printer jams");
        Assert.Equal(NpsSurveyDecision.Send, await desk.SurveyDueAsync(first, await desk.ClosedAtAsync(first)));

        desk.Host.Time!.Advance(TimeSpan.FromDays(80));
        var second = await desk.ClosedConversationAsync("Invoice is wrong", new TestEmail(Dana, "support@acme.test", "Invoice is wrong", "Twice charged."));
        Assert.Equal(NpsSurveyDecision.AskedRecently, await desk.SurveyDueAsync(second, await desk.ClosedAtAsync(second)));

        desk.Host.Time.Advance(TimeSpan.FromDays(10));
        var third = await desk.ClosedConversationAsync("Toner order", new TestEmail(Dana, "support@acme.test", "Toner order", "Where is it?"));
        Assert.Equal(NpsSurveyDecision.Send, await desk.SurveyDueAsync(third, await desk.ClosedAtAsync(third)));
        Assert.Equal(2, (await desk.SurveyMailsAsync()).Count);
    }

    [Fact]
    public async Task A_conversation_reopened_before_the_survey_is_due_is_not_surveyed()
    {
        await using var desk = await Desk.StartAsync();
        var id = await desk.ClosedConversationAsync("Printer jams");
        var closedAt = await desk.ClosedAtAsync(id);
        desk.Host.Time!.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await desk.Toolkit.PatchAsync(id, new { status = "open" })).StatusCode);
        await desk.Metrics.DispatchEventsAsync();

        Assert.Equal(NpsSurveyDecision.NotClosed, await desk.SurveyDueAsync(id, closedAt));
        Assert.Empty(await desk.SurveyMailsAsync());
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("List-Id: <printers.lists.example.com>")]
    public async Task Automatic_and_list_senders_are_never_surveyed(string header)
    {
        await using var desk = await Desk.StartAsync();
        var id = await desk.ClosedConversationAsync("Weekly printer news",
            new TestEmail(Dana, "support@acme.test", "Weekly printer news", "News.") { TopHeaders = [header] });

        Assert.Equal(NpsSurveyDecision.AutomaticSender, await desk.SurveyDueAsync(id, await desk.ClosedAtAsync(id)));
        Assert.Empty(await desk.SurveyMailsAsync());
    }

    [Fact]
    public async Task A_redelivered_survey_message_sends_one_email()
    {
        await using var desk = await Desk.StartAsync();
        var id = await desk.ClosedConversationAsync("Printer jams");
        var closedAt = await desk.ClosedAtAsync(id);

        await desk.SurveyDueAsync(id, closedAt);
        await desk.SurveyDueAsync(id, closedAt);

        Assert.Single(await desk.SurveyMailsAsync());
    }

    [Fact]
    public async Task Mailboxes_without_the_setting_queue_no_survey()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();
        await toolkit.PatchAsync(id, new { status = "closed" });
        await new MetricsDriver(host).DispatchEventsAsync();

        Assert.Equal(0, (await host.Storage.Queue(QueueNames.NpsSurveys).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [GeneratedRegex("/api/public/nps/s[0-9a-f]{24}-[0-9]{1,2}\\.[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
