using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>Search, the customer page and saved replies, as an agent uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LibraryTests(BrowserFixture browser)
{
    private static async Task SendAsync(AgentBrowser agent, params TestEmail[] emails)
    {
        foreach (var email in emails)
        {
            Assert.True((await agent.Mail.PostMimeAsync(email.ToBytes())).IsSuccessStatusCode);
        }
        await agent.Mail.ProcessQueuedAsync();
    }

    [Fact]
    public async Task Searching_from_the_inbox_lists_matching_conversations_and_opens_one()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await SendAsync(agent,
            new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Invoice 2291 is wrong", "The VAT is charged twice."),
            new TestEmail("Tom Becker <tom@becker.example>", "support@acme.test", "Export to spreadsheet", "The export stops at 1000 rows."));
        await agent.SignInAsync();

        await agent.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search conversations" }).FillAsync("vat twice");
        await agent.Page.Keyboard.PressAsync("Enter");

        await Expect(agent.Page).ToHaveURLAsync(new Regex(@"/search\?q=vat\+twice$"));
        var results = agent.Page.GetByRole(AriaRole.List, new() { Name = "Search results" }).GetByRole(AriaRole.Listitem);
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results.Nth(0)).ToContainTextAsync("Invoice 2291 is wrong");
        await results.Nth(0).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(agent.Page.GetByRole(AriaRole.Heading, new() { Name = "Invoice 2291 is wrong", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_search_with_no_match_says_so()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await SendAsync(agent, new TestEmail("ana@example.com", "support@acme.test", "Hello", "Just saying hi."));
        await agent.SignInAsync();

        await agent.Page.GotoAsync("/search?q=kangaroo");

        await Expect(agent.Page.GetByText("No conversations match “kangaroo”.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_customer_page_shows_their_conversations_and_keeps_notes()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await SendAsync(agent,
            new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Invoice 2291 is wrong"),
            new TestEmail("Ana Pereira <ana@example.com>", "billing@acme.test", "Change of address"));
        await agent.SignInAsync();

        await agent.Page.GotoAsync("/customers/ana%40example.com");
        await Expect(agent.Page.GetByRole(AriaRole.Heading, new() { Name = "Ana Pereira", Level = 1 })).ToBeVisibleAsync();
        var conversations = agent.Page.GetByRole(AriaRole.List, new() { Name = "Customer's conversations" }).GetByRole(AriaRole.Listitem);
        await Expect(conversations).ToHaveCountAsync(2);
        await Expect(agent.Page.GetByRole(AriaRole.Link, new() { Name = "Change of address" })).ToBeVisibleAsync();

        await agent.Page.GetByLabel("Notes").FillAsync("Prefers phone calls.");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await Expect(agent.Page.GetByText("Saved by Bootstrap key")).ToBeVisibleAsync();
        await agent.Page.ReloadAsync();

        await Expect(agent.Page.GetByLabel("Notes")).ToHaveValueAsync("Prefers phone calls.");
    }

    [Fact]
    public async Task An_agent_adds_a_saved_reply_and_an_unknown_placeholder_is_named()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.SignInAsync();
        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Saved replies" }).ClickAsync();
        await Expect(agent.Page.GetByText("No saved replies yet.")).ToBeVisibleAsync();

        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "New saved reply" }).ClickAsync();
        await agent.Page.GetByLabel("Name").FillAsync("Refund sent");
        await agent.Page.GetByLabel("Text").FillAsync("Hi {{customer.phone}}");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(agent.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("{{customer.phone}}");

        await agent.Page.GetByLabel("Text").FillAsync("Hi {{customer.firstName}}, your refund is on its way.");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var replies = agent.Page.GetByRole(AriaRole.List, new() { Name = "Your saved replies" }).GetByRole(AriaRole.Listitem);
        await Expect(replies).ToHaveCountAsync(1);
        await Expect(replies.Nth(0)).ToContainTextAsync("Refund sent");
        await Expect(replies.Nth(0)).ToContainTextAsync("your refund is on its way");
    }

    [Fact]
    public async Task Answering_a_conversation_shows_the_customer_beside_it_and_inserts_a_saved_reply_filled_in()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await SendAsync(agent,
            new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Invoice 2291 is wrong", "The VAT is charged twice."),
            new TestEmail("Ana Pereira <ana@example.com>", "billing@acme.test", "Change of address"));
        await agent.SignInAsync();
        await agent.Page.GotoAsync("/saved-replies");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "New saved reply" }).ClickAsync();
        await agent.Page.GetByLabel("Name").FillAsync("Refund sent");
        await agent.Page.GetByLabel("Text").FillAsync("Hi {{customer.firstName}}, your refund for “{{conversation.subject}}” is on its way.");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(agent.Page.GetByRole(AriaRole.List, new() { Name = "Your saved replies" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);

        await agent.Page.GotoAsync("/inbox");
        await agent.Rows.Filter(new() { HasText = "Invoice 2291 is wrong" }).GetByRole(AriaRole.Link).ClickAsync();

        var customer = agent.Page.GetByRole(AriaRole.Complementary, new() { Name = "Customer" });
        await Expect(customer).ToContainTextAsync("ana@example.com");
        await Expect(customer.GetByRole(AriaRole.Link, new() { Name = "Change of address" })).ToBeVisibleAsync();

        var reply = agent.Page.GetByLabel("Reply to the customer");
        await reply.FillAsync("Thanks for waiting. ");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Saved replies" }).ClickAsync();
        await agent.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Find a saved reply" }).FillAsync("refund");
        // Enter picks the highlighted reply, so wait until the list (fetched when the picker opens) shows it.
        await Expect(agent.Page.GetByRole(AriaRole.Listbox, new() { Name = "Saved replies" }).GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await agent.Page.Keyboard.PressAsync("Enter");

        await Expect(reply).ToHaveValueAsync("Thanks for waiting. Hi Ana, your refund for “Invoice 2291 is wrong” is on its way.");
    }
}
