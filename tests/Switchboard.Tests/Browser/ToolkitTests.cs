using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>The conversation toolbar, inbox views and the note box, as an agent uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ToolkitTests(BrowserFixture browser)
{
    private const string Subject = "Dashboard shows no data for March";

    [Fact]
    public async Task Assign_to_me_puts_the_conversation_in_mine_with_my_name_on_its_row()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml", "Clients/attachment-pdf.eml");
        await agent.OpenConversationAsync(Subject);

        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Expect(agent.Page.GetByLabel("Assignee")).ToHaveValueAsync(new Regex("^a[0-9a-f]+$"));
        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "← Inbox" }).ClickAsync();
        var views = agent.Page.GetByRole(AriaRole.Navigation, new() { Name = "Inbox views" });
        await views.GetByRole(AriaRole.Link, new() { Name = "Mine" }).ClickAsync();

        await Expect(agent.Page).ToHaveURLAsync(new Regex("/inbox\\?view=mine$"));
        await Expect(agent.Rows).ToHaveCountAsync(1);
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync(Subject);
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync("admin");
        await views.GetByRole(AriaRole.Link, new() { Name = "Unassigned" }).ClickAsync();
        await Expect(agent.Rows).ToHaveCountAsync(1);
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync("Signed contract");
    }

    [Fact]
    public async Task Closing_takes_the_conversation_out_of_open_and_into_closed()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml", "Clients/attachment-pdf.eml");
        await agent.OpenConversationAsync(Subject);

        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(agent.Page.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();
        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "← Inbox" }).ClickAsync();

        await Expect(agent.Rows).ToHaveCountAsync(1);
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync("Signed contract");
        await agent.Page.GetByRole(AriaRole.Navigation, new() { Name = "Filter by status" }).GetByRole(AriaRole.Link, new() { Name = "Closed" }).ClickAsync();
        await Expect(agent.Rows).ToHaveCountAsync(1);
        await Expect(agent.Rows.Nth(0)).ToContainTextAsync(Subject);
    }

    [Fact]
    public async Task Snooze_preset_and_tags_show_in_the_header()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await agent.OpenConversationAsync(Subject);

        await agent.Page.GetByLabel("Add tag").FillAsync("Billing Issue");
        await agent.Page.GetByLabel("Add tag").PressAsync("Enter");
        await Expect(agent.Page.GetByRole(AriaRole.List, new() { Name = "Tags" })).ToContainTextAsync("billing-issue");
        await agent.Page.GetByText("Snooze", new() { Exact = true }).ClickAsync();
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "1 hour" }).ClickAsync();

        await Expect(agent.Page.GetByText(new Regex("^Snoozed until"))).ToBeVisibleAsync();
        await Expect(agent.Page.Locator(".conversation-meta .status")).ToHaveTextAsync("snoozed");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Remove tag billing-issue" }).ClickAsync();
        await Expect(agent.Page.GetByRole(AriaRole.List, new() { Name = "Tags" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Note_is_shown_in_the_thread_as_a_note()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await agent.OpenConversationAsync(Subject);

        await agent.Page.GetByRole(AriaRole.Tab, new() { Name = "Note" }).ClickAsync();
        await agent.Page.GetByLabel("Internal note").FillAsync("Import job failed on the 1st; rerun it.");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        await Expect(agent.Messages).ToHaveCountAsync(2);
        var note = agent.Messages.Nth(1);
        await Expect(note).ToHaveAccessibleNameAsync("Note from admin");
        await Expect(note).ToHaveClassAsync(new Regex("message-note"));
        await Expect(note).ToContainTextAsync("Internal note");
        await Expect(note).ToContainTextAsync("Import job failed on the 1st; rerun it.");
        await Expect(agent.Page.GetByLabel("Internal note")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Second_agent_viewing_the_conversation_is_shown()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        using var signIn = new SignInDriver(agent.Host);
        var bob = await signIn.InviteAndSignInAsync("bob@acme.test", "agent", "Bob Stone");
        var id = (await agent.Mail.ListAsync()).GetProperty("items")[0].Str("id");
        var beat = await bob.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/presence", new { state = "replying" });
        Assert.True(beat.IsSuccessStatusCode);

        await agent.OpenConversationAsync(Subject);

        await Expect(agent.Page.GetByRole(AriaRole.Status, new() { Name = "Who else is here" })).ToHaveTextAsync("Bob Stone is replying");
    }

    [Fact]
    public async Task New_conversation_is_marked_unread_until_opened()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await agent.SignInAsync();

        await Expect(agent.Rows.Nth(0).GetByRole(AriaRole.Img, new() { Name = "Unread" })).ToBeVisibleAsync();
        // Opening it is what marks it read: the first presence heartbeat, sent as the conversation shows.
        var markedRead = agent.Page.WaitForResponseAsync(r => r.Url.Contains("/presence", StringComparison.Ordinal) && r.Status == 200);
        await agent.Rows.Nth(0).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(agent.Page.GetByRole(AriaRole.Heading, new() { Name = Subject, Level = 1 })).ToBeVisibleAsync();
        await markedRead;
        await agent.Page.GoBackAsync();

        await Expect(agent.Rows).ToHaveCountAsync(1);
        await Expect(agent.Rows.Nth(0).GetByRole(AriaRole.Img, new() { Name = "Unread" })).ToHaveCountAsync(0);
    }
}
