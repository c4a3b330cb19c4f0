using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Metrics;

public sealed partial class RatingLinkTests
{
    private static readonly Dictionary<string, string?> RatingsOn = new() { ["Ratings:Mailboxes:0"] = "support@acme.test" };

    /// <summary>A reply from a mailbox with ratings on, delivered to the mail sink: its three rating links (great, okay, not good).</summary>
    private static async Task<(TestHost Host, string[] Links)> RepliedAsync(bool ratingsOn = true)
    {
        var host = await TestHost.StartAsync(settings: ratingsOn ? RatingsOn : null, queuePump: false, fakeTime: true);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        await agent.ReplyAcceptedAsync(id, new { text = "Try the rear tray." });
        await agent.DeliverQueuedAsync();
        // The sink also holds the new-conversation notice to the team: look through every message.
        var sent = string.Concat((await agent.SinkAsync()).Select(m => m.GetRawText()));
        return (host, [.. LinkPattern().Matches(sent).Select(m => m.Value).Distinct()]);
    }

    private static async Task<JsonElementSatisfaction> SatisfactionAsync(TestHost host)
    {
        var report = await new MetricsDriver(host).GetAsync("?from=2026-03-02&to=2026-03-02");
        var s = report.GetProperty("satisfaction");
        return new(s.GetProperty("great").GetInt64(), s.GetProperty("okay").GetInt64(), s.GetProperty("notGood").GetInt64());
    }

    private sealed record JsonElementSatisfaction(long Great, long Okay, long NotGood);

    [Fact]
    public async Task A_reply_carries_three_links_and_a_click_thanks_and_counts()
    {
        var (host, links) = await RepliedAsync();
        await using var _ = host;
        Assert.Equal(3, links.Length);

        var page = await host.Client.GetAsync(links[0]);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Thank you", html);
        Assert.Contains("<textarea", html);
        Assert.Equal(new JsonElementSatisfaction(1, 0, 0), await SatisfactionAsync(host));
    }

    [Fact]
    public async Task A_double_click_counts_once_and_changing_ones_mind_replaces_the_rating()
    {
        var (host, links) = await RepliedAsync();
        await using var _ = host;

        await host.Client.GetAsync(links[2]);
        await host.Client.GetAsync(links[2]);
        Assert.Equal(new JsonElementSatisfaction(0, 0, 1), await SatisfactionAsync(host));

        await host.Client.GetAsync(links[0]);
        Assert.Equal(new JsonElementSatisfaction(1, 0, 0), await SatisfactionAsync(host));
    }

    [Fact]
    public async Task A_tampered_link_is_400_and_counts_nothing()
    {
        var (host, links) = await RepliedAsync();
        await using var _ = host;
        // Turn "great" into "not good" without re-signing.
        var tampered = Regex.Replace(links[0], "g\\.", "n.");

        var response = await host.Client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new JsonElementSatisfaction(0, 0, 0), await SatisfactionAsync(host));
    }

    [Fact]
    public async Task The_comment_form_reaches_the_rating()
    {
        var (host, links) = await RepliedAsync();
        await using var _ = host;
        await host.Client.GetAsync(links[1]);

        var posted = await host.Client.PostAsync(links[1] + "/comment",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["comment"] = "Quick, thanks." }));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var empty = await host.Client.PostAsync(links[1] + "/comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["comment"] = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Agents_see_the_rating_and_comment_on_the_rated_reply_and_in_the_inbox()
    {
        var (host, links) = await RepliedAsync();
        await using var _ = host;
        var agent = new ReplyDriver(host);
        // The reply left the conversation pending (waiting on the customer).
        async Task<JsonElement> InboxRowAsync() => (await agent.Mail.ListAsync("?status=pending")).GetProperty("items").EnumerateArray().Single();
        var id = (await InboxRowAsync()).Str("id");
        Assert.Equal(JsonValueKind.Null, (await InboxRowAsync()).GetProperty("latestRating").ValueKind);

        await host.Client.GetAsync(links[0]);
        await host.Client.GetAsync(links[2]); // changed their mind: not good
        await host.Client.PostAsync(links[2] + "/comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["comment"] = "Still jams." }));

        var (conversation, _) = await agent.GetAsync(id);
        var reply = conversation.Messages().Single(m => m.Str("direction") == "outbound");
        var rating = Assert.Single(conversation.GetProperty("ratings").EnumerateArray());
        Assert.Equal(reply.Str("id"), rating.Str("messageId"));
        Assert.Equal("not-good", rating.Str("rating"));
        Assert.Equal("Still jams.", rating.Str("comment"));
        var row = await InboxRowAsync();
        Assert.Equal("not-good", row.Str("latestRating"));
        Assert.Equal(conversation.Str("lastActivityAt"), row.Str("lastActivityAt")); // a rating is not activity: the row keeps its place
    }

    [Fact]
    public async Task Without_the_setting_replies_carry_no_links()
    {
        var (host, links) = await RepliedAsync(ratingsOn: false);
        await using var _ = host;

        Assert.Empty(links);
    }

    [GeneratedRegex("/api/public/ratings/c[0-9a-f]{23}m[0-9a-f]{23}[gon]\\.[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
