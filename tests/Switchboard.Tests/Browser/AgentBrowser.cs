using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>
/// One test's help desk as an agent meets it: the real host (queue pump off, so mail is processed in the order the
/// test delivers it), a fresh browser context, and the page signed in with the bootstrap API key. Dispose it.
/// </summary>
public sealed class AgentBrowser : IAsyncDisposable
{
    private AgentBrowser(TestHost host, IBrowserContext context, IPage page)
    {
        Host = host;
        Context = context;
        Page = page;
        Mail = new InboundDriver(host);
    }

    public TestHost Host { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public InboundDriver Mail { get; }

    /// <summary>The conversation list of the inbox page.</summary>
    public ILocator Rows => Page.GetByRole(AriaRole.List, new() { Name = "Conversations" }).GetByRole(AriaRole.Listitem);

    /// <param name="settings">Settings over the test defaults (e.g. a feature switched on).</param>
    public static async Task<AgentBrowser> StartAsync(BrowserFixture browser, ViewportSize? viewport = null, IDictionary<string, string?>? settings = null)
    {
        var host = await TestHost.StartAsync(settings, queuePump: false);
        var context = await browser.NewContextAsync(host, viewport);
        return new AgentBrowser(host, context, await context.NewPageAsync());
    }

    /// <summary>Posts the fixtures through the webhook, in order, and processes them.</summary>
    public async Task DeliverAsync(params string[] fixtures)
    {
        await Mail.DeliverAsync(fixtures);
        await Mail.ProcessQueuedAsync();
    }

    /// <summary>Opens the app and signs in with the bootstrap API key, as a script or an admin setting up does.</summary>
    public async Task SignInAsync()
    {
        await Page.GotoAsync("/");
        await Page.SignInWithApiKeyAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
    }

    /// <summary>Signs in, then opens the conversation the given subject started.</summary>
    public async Task OpenConversationAsync(string subject)
    {
        await SignInAsync();
        await Rows.Filter(new() { HasText = subject }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = subject, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The message cards of the open conversation, oldest first.</summary>
    public ILocator Messages => Page.GetByRole(AriaRole.Article);

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Host.DisposeAsync();
    }
}
