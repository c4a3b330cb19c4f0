using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.KnowledgeBase.KbClient;

namespace Switchboard.Tests.KnowledgeBase;

public sealed class PublicFeedbackTests
{
    private static Task<HttpResponseMessage> PostAsync(TestHost host, string path, object body) =>
        host.Client.PostAsJsonAsync(path, body);

    [Fact]
    public async Task Readers_vote_and_a_no_with_a_comment_reaches_the_team()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var article = await CreateAsync(host, "Reset your password", "Use the link.");

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(host, $"/api/public/kb/{article.Slug}/feedback", new { helpful = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(host, $"/api/public/kb/{article.Slug}/feedback", new { helpful = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(host, $"/api/public/kb/{article.Slug}/feedback",
            new { helpful = false, comment = "The link had expired." })).StatusCode);
        var bot = await PostAsync(host, $"/api/public/kb/{article.Slug}/feedback", new { helpful = false, comment = "cheap pills", website = "http://spam.example" });

        Assert.Equal(HttpStatusCode.Accepted, bot.StatusCode);
        var feedback = await JsonAsync(await SendAsync(host, HttpMethod.Get, $"/api/kb/articles/{article.Id}/feedback"), HttpStatusCode.OK);
        Assert.Equal((2, 1), (feedback.GetProperty("helpful").GetInt32(), feedback.GetProperty("notHelpful").GetInt32()));
        var comment = Assert.Single(feedback.GetProperty("comments").EnumerateArray());
        Assert.Equal(("The link had expired.", false), (comment.Str("comment"), comment.GetProperty("helpful").GetBoolean()));
        var all = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/feedback"), HttpStatusCode.OK);
        var row = Assert.Single(all.GetProperty("items").EnumerateArray());
        Assert.Equal((article.Slug, 1), (row.Str("slug"), row.GetProperty("comments").GetInt32()));
    }

    [Fact]
    public async Task Bad_feedback_is_a_400_naming_the_field_and_drafts_take_no_votes()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var article = await CreateAsync(host, "Refunds", "5-10 days.");
        var draft = await CreateAsync(host, "Unreleased feature", "Soon.", status: "draft");

        var noVote = await PostAsync(host, $"/api/public/kb/{article.Slug}/feedback", new { comment = "hm" });
        var longComment = await PostAsync(host, $"/api/public/kb/{article.Slug}/feedback", new { helpful = false, comment = new string('x', 1001) });
        var notJson = await host.Client.PostAsync($"/api/public/kb/{article.Slug}/feedback", new StringContent("helpful=true"));
        var onDraft = await PostAsync(host, $"/api/public/kb/{draft.Slug}/feedback", new { helpful = true });
        var unknown = await PostAsync(host, "/api/public/kb/no-such-article/feedback", new { helpful = true });

        Assert.Equal("helpful", (await ProblemAsync(noVote, HttpStatusCode.BadRequest)).Str("field"));
        Assert.Equal("comment", (await ProblemAsync(longComment, HttpStatusCode.BadRequest)).Str("field"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.DoesNotContain("Unreleased", (await ProblemAsync(onDraft, HttpStatusCode.NotFound)).Str("detail"));
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_that_posts_too_often_gets_429_with_Retry_After()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(host, "/api/public/kb/search-misses", new { query = "q" + i })).StatusCode);
        }

        var refused = await PostAsync(host, "/api/public/kb/search-misses", new { query = "one more" });

        await ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Searches_that_found_nothing_are_counted_and_listed_most_frequent_first()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        foreach (var query in new[] { "Refund  Card", "refund card", "invoice pdf", "REFUND card", "dark mode", "invoice pdf" })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(host, "/api/public/kb/search-misses", new { query })).StatusCode);
        }
        var empty = await PostAsync(host, "/api/public/kb/search-misses", new { query = "   " });

        Assert.Equal("query", (await ProblemAsync(empty, HttpStatusCode.BadRequest)).Str("field"));
        var misses = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/search-misses?limit=2"), HttpStatusCode.OK);
        Assert.Equal([("refund card", 3), ("invoice pdf", 2)],
            misses.GetProperty("items").EnumerateArray().Select(m => (m.Str("query"), m.GetProperty("count").GetInt32())));
        await ProblemAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/search-misses?limit=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_visitor_who_opened_a_suggested_article_and_left_counts_as_deflected()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var deflected = new string('a', 24);
        var browsing = new string('b', 24);
        await PostAsync(host, "/api/public/kb/contact-visits", new { session = deflected, @event = "visit" });
        await PostAsync(host, "/api/public/kb/contact-visits", new { session = deflected, @event = "opened" });
        await PostAsync(host, "/api/public/kb/contact-visits", new { session = browsing, @event = "visit" });
        var bad = await PostAsync(host, "/api/public/kb/contact-visits", new { session = "x", @event = "visit" });

        Assert.Equal("session", (await ProblemAsync(bad, HttpStatusCode.BadRequest)).Str("field"));
        var report = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/deflection?weeks=2"), HttpStatusCode.OK);
        var week = report.GetProperty("weeks")[0];
        Assert.Equal((2, 1, 1, 0), (week.GetProperty("visits").GetInt32(), week.GetProperty("openedSuggestion").GetInt32(),
            week.GetProperty("deflected").GetInt32(), week.GetProperty("submitted").GetInt32()));
        Assert.Equal(1.0, week.GetProperty("rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("weeks")[1].GetProperty("rate").ValueKind);
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
