using System.Net;
using Microsoft.Playwright;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Replies;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DraftTests(BrowserFixture browser)
{
    private const string Subject = "Dashboard shows no data for March";

    private static ILocator Drafts(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Drafts" });

    /// <summary>A second browser, signed in by following the invitation link as a new team member.</summary>
    private async Task<IPage> SignedInAsync(AgentBrowser agent, string email, string role, string name)
    {
        using var team = new SignInDriver(agent.Host);
        Assert.Equal(HttpStatusCode.Created, (await team.Bootstrap(HttpMethod.Post, "/api/agents/invitations", new { email, name, role })).StatusCode);
        var link = await team.LatestLinkAsync(email);
        var context = await browser.NewContextAsync(agent.Host);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task A_trainees_reply_is_returned_with_a_comment_then_resubmitted_and_approved_from_the_conversation()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");
        var tom = await SignedInAsync(agent, "tom@acme.test", "trainee", "Tom Trainee");

        // The trainee writes; the composer submits for approval instead of sending.
        await tom.GotoAsync($"/conversations/{id}");
        var composer = tom.GetByRole(AriaRole.Form, new() { Name = "Reply" });
        await composer.GetByLabel("Reply to the customer").FillAsync("we fixed it");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await Expect(Drafts(tom)).ToContainTextAsync("Waiting for approval");
        await Expect(Drafts(tom)).ToContainTextAsync("we fixed it");

        // The admin sees it waiting, and returns it with a comment.
        await agent.SignInAsync();
        await Expect(agent.Page.GetByRole(AriaRole.Link, new() { Name = "Approvals (1)" })).ToBeVisibleAsync();
        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Approvals (1)" }).ClickAsync();
        await agent.Page.GetByRole(AriaRole.Link, new() { Name = Subject }).ClickAsync();
        var draft = Drafts(agent.Page).GetByRole(AriaRole.Group, new() { Name = "Draft by Tom Trainee" });
        await draft.GetByRole(AriaRole.Button, new() { Name = "Return" }).ClickAsync();
        await draft.GetByLabel("Return comment").FillAsync("Say what we fixed: the March import.");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Return to author" }).ClickAsync();
        await Expect(draft).ToContainTextAsync("Returned");

        // The trainee sees the comment, edits and resubmits.
        await tom.ReloadAsync();
        var returned = Drafts(tom).GetByRole(AriaRole.Group, new() { Name = "Draft by Tom Trainee" });
        await Expect(returned.GetByRole(AriaRole.Note)).ToContainTextAsync("Say what we fixed: the March import.");
        await returned.GetByRole(AriaRole.Button, new() { Name = "Edit and resubmit" }).ClickAsync();
        await returned.GetByLabel("Draft text").FillAsync("We re-ran the March import; the dashboard shows March again.");
        await returned.GetByRole(AriaRole.Button, new() { Name = "Resubmit for approval" }).ClickAsync();
        await Expect(returned).ToContainTextAsync("Waiting for approval");

        // The admin approves from the conversation: it goes out, as Tom's reply.
        await agent.Page.ReloadAsync();
        await draft.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(agent.Messages).ToHaveCountAsync(2);
        await Expect(agent.Messages.Nth(1)).ToContainTextAsync("We re-ran the March import");
        await Expect(Drafts(agent.Page)).ToHaveCountAsync(0);
        await new ReplyDriver(agent.Host).DeliverQueuedAsync();
        await Expect(agent.Messages.Nth(1).Locator(".delivery-state")).ToHaveTextAsync("Sent", new() { Timeout = 15_000 });
        await agent.Page.GotoAsync("/dev/mail");
        await Expect(agent.Page.GetByRole(AriaRole.Link, new() { Name = $"Re: {Subject}" })).ToBeVisibleAsync();
        await Expect(agent.Page.GetByRole(AriaRole.Link, new() { Name = "Approvals", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Turning_off_new_conversation_emails_in_my_settings_survives_a_reload()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        var alice = await SignedInAsync(agent, "alice@acme.test", "agent", "Alice Jones");

        await alice.GetByRole(AriaRole.Link, new() { Name = "My settings" }).ClickAsync();
        var notify = alice.GetByLabel("Email me each new conversation");
        await Expect(notify).ToBeCheckedAsync();
        await notify.UncheckAsync();
        await Expect(alice.GetByRole(AriaRole.Form, new() { Name = "Notifications" }).GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await alice.ReloadAsync();

        await Expect(alice.GetByLabel("Email me each new conversation")).Not.ToBeCheckedAsync();
        await Expect(alice.GetByRole(AriaRole.Form, new() { Name = "My paging" })).ToBeVisibleAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Get my feed link" }).ClickAsync();
        await Expect(alice.GetByLabel("Calendar feed URL")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/api/oncall/calendars/[A-Za-z0-9_-]+\.ics$"));
    }
}
