using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class InboxTests(BrowserFixture browser)
{
    [Fact]
    public async Task Signed_in_agent_sees_delivered_conversations_newest_first()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync(
            "Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml", "Threads/Gmail3/03-customer-reply.eml",
            "Clients/attachment-pdf.eml", "Clients/inline-image.eml");

        await agent.SignInAsync();

        await Expect(agent.Rows).ToHaveCountAsync(3);
        await ExpectRowAsync(agent.Rows.Nth(0), "Greta Lind", "Error dialog screenshot", "This dialog appears when I save", "1 message");
        await ExpectRowAsync(agent.Rows.Nth(1), "Tom Becker", "Signed contract", "Here is the signed contract", "1 message");
        await ExpectRowAsync(agent.Rows.Nth(2), "Ana Pereira", "Dashboard shows no data for March", "It works now, thank you!", "3 messages");
        await Expect(agent.Rows.Nth(2)).Not.ToContainTextAsync("wrote:");
    }

    [Fact]
    public async Task J_and_k_move_the_selection_and_enter_opens_the_selected_conversation()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml", "Clients/attachment-pdf.eml", "Clients/inline-image.eml");
        await agent.SignInAsync();
        await Expect(agent.Rows).ToHaveCountAsync(3);

        await agent.Page.Keyboard.PressAsync("j");
        await agent.Page.Keyboard.PressAsync("j");
        await agent.Page.Keyboard.PressAsync("j");
        await agent.Page.Keyboard.PressAsync("k");

        await Expect(agent.Rows.Nth(1)).ToHaveClassAsync(new Regex("is-selected"));
        await Expect(agent.Rows.Nth(1).GetByRole(AriaRole.Link)).ToBeFocusedAsync();
        await Expect(agent.Rows.Nth(0)).Not.ToHaveClassAsync(new Regex("is-selected"));
        await agent.Page.Keyboard.PressAsync("Enter");
        await Expect(agent.Page).ToHaveURLAsync(new Regex("/conversations/c"));
        await Expect(agent.Page.GetByRole(AriaRole.Heading, new() { Name = "Signed contract", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Status_filter_shows_only_conversations_of_that_status()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Clients/attachment-pdf.eml", "Clients/inline-image.eml");
        await CloseInInboxAsync(agent, (await agent.Mail.ListAsync()).GetProperty("items")[1].Str("id"));
        await agent.SignInAsync();
        var filter = agent.Page.GetByRole(AriaRole.Navigation, new() { Name = "Filter by status" });

        await Expect(filter.GetByRole(AriaRole.Link, new() { Name = "Open" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(agent.Rows).ToHaveCountAsync(1);
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync("Error dialog screenshot");

        await filter.GetByRole(AriaRole.Link, new() { Name = "Closed" }).ClickAsync();
        await Expect(agent.Page).ToHaveURLAsync(new Regex("/inbox\\?status=closed$"));
        await Expect(agent.Rows).ToHaveCountAsync(1);
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync("Signed contract");
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync("closed");

        await filter.GetByRole(AriaRole.Link, new() { Name = "Pending" }).ClickAsync();
        await Expect(agent.Page.GetByText("No pending conversations.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Load_more_appends_the_next_page_until_there_is_none()
    {
        const int pageSize = 25; // web/src/agent/api/conversations.ts, inboxPageSize
        await using var agent = await AgentBrowser.StartAsync(browser);
        for (var i = 1; i <= pageSize + 2; i++)
        {
            var posted = await agent.Mail.PostMimeAsync(new TestEmail($"Customer {i:00} <customer{i:00}@example.com>", "support@acme.test", $"Question {i:00}", $"Body {i:00}").ToBytes());
            Assert.True(posted.IsSuccessStatusCode);
        }
        await agent.Mail.ProcessQueuedAsync();
        await agent.SignInAsync();

        await Expect(agent.Rows).ToHaveCountAsync(pageSize);
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync("Question 27");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Load more" }).ClickAsync();

        await Expect(agent.Rows).ToHaveCountAsync(pageSize + 2);
        await Expect(agent.Rows.Nth(pageSize + 1)).ToContainTextAsync("Question 01");
        await Expect(agent.Page.GetByRole(AriaRole.Button, new() { Name = "Load more" })).ToHaveCountAsync(0);
    }

    private static async Task ExpectRowAsync(ILocator row, string customer, string subject, string preview, string count)
    {
        await Expect(row).ToContainTextAsync(customer);
        await Expect(row).ToContainTextAsync(subject);
        await Expect(row).ToContainTextAsync(preview);
        await Expect(row).ToContainTextAsync(count);
    }

    private static async Task CloseInInboxAsync(AgentBrowser agent, string conversationId)
    {
        var closed = await new Conversations.ToolkitDriver(agent.Host).PatchAsync(conversationId, new { status = "closed" });
        Assert.True(closed.IsSuccessStatusCode);
    }
}
