using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Replies;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class RatingTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_customers_rating_and_comment_show_under_the_reply_and_in_the_inbox()
    {
        await using var agent = await AgentBrowser.StartAsync(browser, settings: new Dictionary<string, string?> { ["Ratings:Mailboxes:0"] = "support@acme.test" });
        var replies = new ReplyDriver(agent.Host);
        var id = await replies.StartConversationAsync("Printer jams");
        await replies.ReplyAcceptedAsync(id, new { text = "Try the rear tray.", statusAfter = "open" });
        await replies.DeliverQueuedAsync();
        var sent = string.Concat((await replies.SinkAsync()).Select(m => m.GetRawText()));
        var great = GreatLink().Match(sent).Value;
        Assert.NotEmpty(great);
        await agent.Host.Client.GetAsync(great);
        await agent.Host.Client.PostAsync(great + "/comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["comment"] = "Worked, thanks!" }));

        await agent.SignInAsync();

        var row = agent.Rows.Filter(new() { HasText = "Printer jams" });
        await Expect(row).ToContainTextAsync("Rated great");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        var rating = agent.Page.GetByRole(AriaRole.Complementary, new() { Name = "Customer rating" });
        await Expect(rating).ToContainTextAsync("The customer rated this reply great");
        await Expect(rating).ToContainTextAsync("Worked, thanks!");
        // Under the reply it rates, not under the customer's mail.
        await Expect(agent.Messages.Filter(new() { HasText = "Try the rear tray." }).GetByRole(AriaRole.Complementary, new() { Name = "Customer rating" })).ToBeVisibleAsync();
        await Expect(agent.Messages.First.GetByRole(AriaRole.Complementary)).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/api/public/ratings/c[0-9a-f]{23}m[0-9a-f]{23}g\\.[A-Za-z0-9_-]{43}")]
    private static partial Regex GreatLink();
}
