using System.Text.Json;
using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Replies;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReplyComposerTests(BrowserFixture browser)
{
    private static ILocator Composer(AgentBrowser agent) => agent.Page.GetByRole(AriaRole.Form, new() { Name = "Reply" });

    [Fact]
    public async Task Agent_replies_from_the_conversation_sees_it_sent_and_the_dev_mail_view_shows_its_threading_headers()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await agent.OpenConversationAsync("Dashboard shows no data for March");
        var replies = new ReplyDriver(agent.Host);
        var customerMessageId = (await agent.Mail.SingleConversationAsync()).Messages()[0].Str("messageId");

        await Composer(agent).GetByLabel("Reply to the customer").FillAsync("We are re-running the March import now.");
        await Composer(agent).GetByLabel("Reply to the customer").PressAsync("Control+Enter");

        await Expect(agent.Messages).ToHaveCountAsync(2);
        await Expect(agent.Messages.Nth(1)).ToContainTextAsync("We are re-running the March import now.");
        await Expect(agent.Messages.Nth(1)).ToContainTextAsync("Sending…");
        await Expect(Composer(agent).GetByLabel("Reply to the customer")).ToHaveValueAsync("");
        await replies.DeliverQueuedAsync(); // the queue trigger's work; the page notices by itself
        await Expect(agent.Messages.Nth(1).Locator(".delivery-state")).ToHaveTextAsync("Sent", new() { Timeout = 15_000 });

        await agent.Page.GotoAsync("/dev/mail");
        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Re: Dashboard shows no data for March" }).ClickAsync();
        var headers = agent.Page.Locator(".dev-mail-headers");
        await Expect(headers).ToContainTextAsync($"In-Reply-To<{customerMessageId}>");
        await Expect(headers).ToContainTextAsync("Reply-Tosupport+");
    }

    [Fact]
    public async Task A_reply_written_while_the_customer_wrote_again_shows_the_new_message_and_keeps_the_draft()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await agent.OpenConversationAsync("Dashboard shows no data for March");
        await Composer(agent).GetByLabel("Reply to the customer").FillAsync("Please reload the dashboard.");

        // The customer writes again while the agent is still typing.
        var first = (await agent.Mail.SingleConversationAsync()).Messages()[0];
        await agent.Mail.PostMimeAsync(new TestEmail("Ana Pereira <ana.pereira@example.com>", "support@acme.test",
            "Re: Dashboard shows no data for March", "Also February is empty now.") { InReplyTo = first.Str("messageId") }.ToBytes());
        await agent.Mail.ProcessQueuedAsync();
        await Composer(agent).GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        var stale = Composer(agent).GetByRole(AriaRole.Alert);
        await Expect(stale).ToContainTextAsync("New messages arrived while you were writing");
        await Expect(stale).ToContainTextAsync("Also February is empty now.");
        await Expect(Composer(agent).GetByLabel("Reply to the customer")).ToHaveValueAsync("Please reload the dashboard.");

        await Composer(agent).GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        await Expect(agent.Messages.Filter(new() { HasText = "Please reload the dashboard." })).ToHaveCountAsync(1);
        await Expect(Composer(agent).GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Agent_logs_a_phone_call_and_emails_the_recap_to_the_customer()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await agent.OpenConversationAsync("Dashboard shows no data for March");

        await agent.Page.GetByRole(AriaRole.Tab, new() { Name = "Call" }).ClickAsync();
        var call = agent.Page.GetByRole(AriaRole.Form, new() { Name = "Log a call" });
        await call.GetByLabel("Call recap").FillAsync("Walked through the import settings; March data is back.");
        await call.GetByLabel("Direction").SelectOptionAsync("outbound");
        await call.GetByLabel("Minutes").FillAsync("12");
        await call.GetByLabel("Email this recap to the customer").CheckAsync();
        await call.GetByRole(AriaRole.Button, new() { Name = "Log call" }).ClickAsync();

        await Expect(agent.Messages).ToHaveCountAsync(3);
        var logged = agent.Page.GetByRole(AriaRole.Article, new() { Name = "Call logged by Bootstrap key" });
        await Expect(logged).ToContainTextAsync("Outbound call, 12 min");
        await Expect(logged).ToContainTextAsync("Walked through the import settings");
        var emailed = agent.Messages.Nth(2);
        await Expect(emailed).ToContainTextAsync("Walked through the import settings");
        await Expect(emailed).ToContainTextAsync("Sending…");
        await Expect(call.GetByLabel("Call recap")).ToHaveValueAsync("");
    }
}
