using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ConversationTests(BrowserFixture browser)
{
    [Fact]
    public async Task Gmail_thread_shows_each_message_without_its_quoted_history_until_asked()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml", "Threads/Gmail3/03-customer-reply.eml");

        await agent.OpenConversationAsync("Dashboard shows no data for March");

        await Expect(agent.Messages).ToHaveCountAsync(3);
        await Expect(agent.Messages.Nth(0)).ToHaveAccessibleNameAsync("Message from Ana Pereira");
        await Expect(agent.Messages.Nth(0)).ToContainTextAsync("Since this morning the dashboard shows no data for March.");
        await Expect(agent.Messages.Nth(1)).ToHaveAccessibleNameAsync("Message from Acme Support");
        await Expect(agent.Messages.Nth(1)).ToContainTextAsync("We re-ran the March import; please reload the dashboard.");
        await Expect(agent.Messages.Nth(2)).ToContainTextAsync("It works now, thank you!");
        for (var i = 0; i < 3; i++) await Expect(agent.Messages.Nth(i)).Not.ToContainTextAsync("wrote:");
        await Expect(agent.Messages.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Show quoted text" })).ToHaveCountAsync(0);

        await agent.Messages.Nth(2).GetByRole(AriaRole.Button, new() { Name = "Show quoted text" }).ClickAsync();

        await Expect(agent.Messages.Nth(2)).ToContainTextAsync("On Mon, 2 Mar 2026 at 09:15, Acme Support <support@acme.test> wrote:");
        await Expect(agent.Messages.Nth(2).GetByRole(AriaRole.Button, new() { Name = "Hide quoted text" })).ToBeVisibleAsync();
        await Expect(agent.Messages.Nth(1)).Not.ToContainTextAsync("wrote:");
    }

    [Fact]
    public async Task Out_of_office_reply_carries_an_auto_reply_badge()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Auto/out-of-office-exchange.eml");

        await agent.OpenConversationAsync("Automatic reply: Printer error E-301");

        var flags = agent.Messages.Nth(0).GetByRole(AriaRole.List, new() { Name = "Flags" });
        await Expect(flags.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["auto-reply"]);
    }

    [Fact]
    public async Task Colleague_who_joins_by_replying_is_badged_and_marked_as_a_new_participant()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/CcReply/01-customer.eml", "Threads/CcReply/02-support-reply.eml", "Threads/CcReply/03-cc-colleague-reply.eml");

        await agent.OpenConversationAsync("Two more seats");

        await Expect(agent.Messages).ToHaveCountAsync(3);
        var marco = agent.Messages.Nth(2);
        await Expect(marco).ToHaveAccessibleNameAsync("Message from Marco Rossi");
        await Expect(marco.GetByRole(AriaRole.List, new() { Name = "Flags" }).GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["new-participant"]);
        await Expect(agent.Messages.Nth(0).GetByRole(AriaRole.List, new() { Name = "Flags" })).ToHaveCountAsync(0);
        var participants = agent.Page.GetByRole(AriaRole.List, new() { Name = "Participants" }).GetByRole(AriaRole.Listitem);
        await Expect(participants.Filter(new() { HasText = "Marco Rossi" })).ToHaveTextAsync("Marco Rossi new — joined by replying");
        await Expect(participants.Filter(new() { HasText = "Ana Pereira" })).ToHaveTextAsync("Ana Pereira customer");
    }
}
