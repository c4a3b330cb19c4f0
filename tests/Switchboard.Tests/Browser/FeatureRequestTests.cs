using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FeatureRequestTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_feature_tagged_in_a_conversation_is_listed_with_its_customer_and_shipping_it_drafts_an_email_for_review()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");
        var customer = (await agent.Mail.SingleConversationAsync()).GetProperty("customer").Str("email");
        await agent.SignInAsync();

        await agent.Page.GotoAsync($"/conversations/{id}");
        var features = agent.Page.GetByRole(AriaRole.Form, new() { Name = "Feature requests" });
        await features.GetByLabel("Add feature request").FillAsync("Dark mode");
        await features.GetByLabel("Add feature request").PressAsync("Enter");
        await Expect(features.GetByRole(AriaRole.Listitem)).ToHaveTextAsync("Dark mode×");

        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Feature requests" }).First.ClickAsync();
        var feature = agent.Page.GetByRole(AriaRole.Article, new() { Name = "Dark mode" });
        await Expect(feature).ToContainTextAsync("1 customer, 1 request");
        await Expect(feature).ToContainTextAsync("asked 1 time");
        await feature.GetByLabel("Message for everyone who asked (optional)").FillAsync("Find it under Settings, Appearance.");
        await feature.GetByRole(AriaRole.Button, new() { Name = "Shipped: draft emails" }).ClickAsync();

        await Expect(feature.GetByRole(AriaRole.Status)).ToContainTextAsync("1 email drafted for review");
        await Expect(feature).ToContainTextAsync("email drafted");
        await Expect(agent.Page.GetByRole(AriaRole.Link, new() { Name = "Approvals (1)" })).ToBeVisibleAsync();
        await agent.Page.GotoAsync($"/conversations/{id}");
        var drafts = agent.Page.GetByRole(AriaRole.Region, new() { Name = "Drafts" });
        await Expect(drafts).ToContainTextAsync("Waiting for approval");
        await Expect(drafts).ToContainTextAsync("Find it under Settings, Appearance.");
        Assert.DoesNotContain(await new Replies.ReplyDriver(agent.Host).SinkAsync(), m => m.Str("to").Contains(customer, StringComparison.OrdinalIgnoreCase));
    }
}
