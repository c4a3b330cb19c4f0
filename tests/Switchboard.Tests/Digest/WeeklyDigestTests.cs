using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Digest;
using Switchboard.Tests.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.KnowledgeBase;
using Switchboard.Tests.Metrics;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Digest;

public sealed class WeeklyDigestTests
{
    private const string Everyone = "everyone@acme.test";

    private static Task<HttpResponseMessage> AsAgentAsync(TestHost host, HttpMethod method, string path, object? body = null) =>
        host.Client.SendAsync(new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey) },
            Content = body is null ? null : JsonContent.Create(body),
        });

    private static async Task TagAsync(TestHost host, string conversationId, string feature) =>
        Assert.True((await AsAgentAsync(host, HttpMethod.Post, $"/api/conversations/{conversationId}/feature-requests", new { feature })).IsSuccessStatusCode);

    /// <summary>
    /// Week 2026-W10 (from Monday 2 March): one conversation. Week W11: two conversations (one closed), feature requests,
    /// a KB article voted helpful with praise and not helpful with a complaint, a search that found nothing. Then the
    /// clock stands on Monday 16 March, when the W11 digest is due.
    /// </summary>
    private static async Task<TestHost> SeededWeekAsync()
    {
        var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Digest:ExtraRecipients:0"] = Everyone }, queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        var metrics = new MetricsDriver(host);
        await toolkit.NewConversationAsync("Printer on fire");

        host.Time!.Advance(TimeSpan.FromDays(7));
        var invoice = await toolkit.NewConversationAsync("Invoice is wrong", "Bo Berg <bo@example.com>");
        var toner = await toolkit.NewConversationAsync("Toner order", "Cy Chen <cy@example.com>");
        Assert.Equal(HttpStatusCode.OK, (await toolkit.PatchAsync(toner, new { status = "closed" })).StatusCode);
        await metrics.DispatchEventsAsync();
        await TagAsync(host, invoice, "Dark mode");
        await TagAsync(host, toner, "Dark mode");
        await TagAsync(host, toner, "CSV export");
        var article = await KbClient.CreateAsync(host, "Reset your password", "Use the link.");
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync($"/api/public/kb/{article.Slug}/feedback", new { helpful = true, comment = "Saved my day" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync($"/api/public/kb/{article.Slug}/feedback", new { helpful = false, comment = "Screenshots are out of date" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync("/api/public/kb/search-misses", new { query = "fax setup" })).StatusCode);

        host.Time.Advance(new DateTimeOffset(2026, 3, 16, 7, 0, 0, TimeSpan.Zero) - host.Time.GetUtcNow());
        return host;
    }

    private static JsonElement Figure(JsonElement digest, string name) =>
        digest.GetProperty("figures").EnumerateArray().Single(f => f.Str("name") == name);

    private static string[] Texts(JsonElement digest, string list, string property) =>
        [.. digest.GetProperty(list).EnumerateArray().Select(i => i.Str(property))];

    [Fact]
    public async Task The_preview_shows_last_weeks_numbers_against_the_week_before_and_what_customers_said()
    {
        await using var host = await SeededWeekAsync();

        var response = await AsAgentAsync(host, HttpMethod.Get, "/api/digest/preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var digest = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-W11", digest.Str("week"));
        var opened = Figure(digest, "Conversations opened");
        Assert.Equal((2.0, 1.0), (opened.GetProperty("thisWeek").GetDouble(), opened.GetProperty("lastWeek").GetDouble()));
        var closed = Figure(digest, "Conversations closed");
        Assert.Equal((1.0, 0.0), (closed.GetProperty("thisWeek").GetDouble(), closed.GetProperty("lastWeek").GetDouble()));
        Assert.Equal(["Saved my day"], Texts(digest, "positiveComments", "text"));
        Assert.Equal(["Screenshots are out of date"], Texts(digest, "negativeComments", "text"));
        Assert.Equal(["Dark mode", "CSV export"], Texts(digest, "featureRequests", "name"));
        var darkMode = digest.GetProperty("featureRequests")[0];
        Assert.Equal((2, 2), (darkMode.GetProperty("customers").GetInt32(), darkMode.GetProperty("newThisWeek").GetInt32()));
        var helped = Assert.Single(digest.GetProperty("helpfulArticles").EnumerateArray());
        Assert.Equal(("Reset your password", 1, 1), (helped.Str("title"), helped.GetProperty("helpful").GetInt32(), helped.GetProperty("notHelpful").GetInt32()));
        Assert.Equal(["fax setup"], Texts(digest, "searchesWithoutResults", "query"));
        Assert.Contains(Everyone, digest.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_following_week_starts_afresh()
    {
        await using var host = await SeededWeekAsync();
        host.Time!.Advance(TimeSpan.FromDays(7));

        var digest = await (await AsAgentAsync(host, HttpMethod.Get, "/api/digest/preview")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("2026-W12", digest.Str("week"));
        Assert.Equal(0, Figure(digest, "Conversations opened").GetProperty("thisWeek").GetDouble());
        Assert.Empty(digest.GetProperty("positiveComments").EnumerateArray());
        Assert.Empty(digest.GetProperty("helpfulArticles").EnumerateArray());
        Assert.Empty(digest.GetProperty("searchesWithoutResults").EnumerateArray());
    }

    [Fact]
    public async Task The_weekly_run_mails_the_digest_once_through_the_outbound_path()
    {
        await using var host = await SeededWeekAsync();
        var send = host.Services.GetRequiredService<SendWeeklyDigest>();

        var sent = await send.RunAsync();
        var again = await send.RunAsync();

        Assert.True(sent >= 1);
        Assert.Equal(0, again);
        var mails = (await new ReplyDriver(host).SinkAsync()).Where(m => m.Str("subject").Contains("Weekly digest, 2026-W11", StringComparison.Ordinal)).ToList();
        Assert.Equal(sent, mails.Count);
        var toEveryone = Assert.Single(mails, m => m.Str("to").Contains(Everyone, StringComparison.Ordinal));
        Assert.Contains("Conversations opened: 2 (week before: 1)", toEveryone.Str("text"));
        Assert.Contains("\"Screenshots are out of date\"", toEveryone.Str("text"));
        Assert.Contains("Dark mode: 2 customers, 2 new this week", toEveryone.Str("text"));
    }

    [Fact]
    public async Task The_preview_needs_a_signed_in_agent()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/digest/preview")).StatusCode);
    }
}
