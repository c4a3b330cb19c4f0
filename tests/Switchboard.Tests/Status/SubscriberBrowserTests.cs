using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Core.Status;
using Switchboard.Storage.Status;
using Switchboard.Tests.Browser;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Tests.Status.StatusApiTests;

namespace Switchboard.Tests.Status;

[Collection(BrowserCollection.Name)]
public sealed class SubscriberBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_subscribers_screen_lists_a_subscriber_with_its_components_and_counts()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        var api = await ComponentAsync(agent.Host, "API");
        await agent.Host.Services.GetRequiredService<SubscriberStore>().AddManyAsync(
        [
            new StatusSubscriber(StatusSubscriber.IdOf(SubscriberKind.Email, "ada@example.com"), SubscriberKind.Email, "ada@example.com", [api], true,
                DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null),
        ]);
        await agent.SignInAsync();

        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Status subscribers" }).ClickAsync();

        var row = agent.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ada@example.com" });
        await Expect(row).ToContainTextAsync("Email");
        await Expect(row).ToContainTextAsync("API");
        await Expect(row).ToContainTextAsync("Yes");
        await Expect(agent.Page.GetByText("1 confirmed by email · 0 confirmed webhooks · 0 not confirmed yet")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_public_page_s_subscribe_form_says_to_check_the_inbox()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        var api = await ComponentAsync(agent.Host, "API");
        await ComponentAsync(agent.Host, "Email delivery");

        await agent.Page.GotoAsync("/status/");
        var form = agent.Page.Locator("#subscribe");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("grace@example.com");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "API", Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        await Expect(agent.Page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" })).ToBeVisibleAsync();
        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Back to the status page" }).ClickAsync();
        await Expect(agent.Page.Locator("#subscribe")).ToBeVisibleAsync();
        var stored = await agent.Host.Services.GetRequiredService<SubscriberStore>().GetAsync(StatusSubscriber.IdOf(SubscriberKind.Email, "grace@example.com"));
        Assert.Equal([api], stored?.Subscriber.Components);
        Assert.False(stored?.Subscriber.Confirmed);
    }
}
