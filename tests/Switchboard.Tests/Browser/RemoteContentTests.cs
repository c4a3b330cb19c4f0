using System.Text;
using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Security;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>
/// A tracking pixel tells the sender who read a mail, when and from where: the HTML view fetches nothing from another
/// server until the agent asks, per message. Inline (cid:) images load all along. And no inline script runs on the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RemoteContentTests(BrowserFixture browser)
{
    [Fact]
    public async Task Remote_images_load_only_after_the_agent_clicks_load_remote_images()
    {
        using var tracker = new LocalHttpServer { Respond = (_, response) => response.StatusCode = 204 };
        await using var agent = await AgentBrowser.StartAsync(browser);
        var html = $"""<html><body><p>This dialog appears when I save:</p><p><img src="cid:part1.0A1B2C3D@example.org" alt="error dialog"></p><img src="{tracker.Origin}/pixel.gif" alt="" width="1" height="1"><div style="background-image: url('{tracker.Origin}/background.png'); height: 10px">x</div></body></html>""";
        var mail = Encoding.UTF8.GetString(InboundDriver.FixtureBytes("Clients/inline-image.eml"))
            .Replace("""<html><body><p>This dialog appears when I save:</p><p><img src="cid:part1.0A1B2C3D@example.org" alt="error dialog"></p></body></html>""", html, StringComparison.Ordinal);
        Assert.Contains("pixel.gif", mail);
        Assert.True((await agent.Mail.PostMimeAsync(Encoding.UTF8.GetBytes(mail))).IsSuccessStatusCode);
        await agent.Mail.ProcessQueuedAsync();
        await agent.OpenConversationAsync("Error dialog screenshot");

        await agent.Messages.Nth(0).GetByRole(AriaRole.Button, new() { Name = "HTML view" }).ClickAsync();

        var frame = agent.Page.FrameLocator("iframe[title='HTML view of the message']");
        var inline = frame.GetByRole(AriaRole.Img, new() { Name = "error dialog" });
        await Expect(inline).ToBeVisibleAsync();
        Assert.Equal(16, await inline.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(done => img.onload = () => done(img.naturalWidth))"));
        await agent.Page.WaitForTimeoutAsync(1000); // time for any request that got through to arrive
        Assert.Empty(tracker.Requests);

        await agent.Messages.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Load remote images" }).ClickAsync();

        var loaded = await Eventually.TrueAsync(() => Task.FromResult(
            tracker.Requests.Contains("/pixel.gif") && tracker.Requests.Contains("/background.png")));
        Assert.True(loaded, $"The tracker saw: {string.Join(", ", tracker.Requests)}");
        await Expect(frame.GetByRole(AriaRole.Img, new() { Name = "error dialog" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_injected_inline_script_does_not_run_on_the_app_page()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.SignInAsync();

        var error = await Record.ExceptionAsync(() => agent.Page.AddScriptTagAsync(new() { Content = "window.injectedRan = true;" }));
        await agent.Page.EvaluateAsync("() => { const s = document.createElement('img'); s.setAttribute('onerror', 'window.handlerRan = true'); s.src = 'data:,x'; document.body.append(s); }");
        await agent.Page.WaitForTimeoutAsync(300);

        Assert.False(await agent.Page.EvaluateAsync<bool>("() => window.injectedRan === true"));
        Assert.False(await agent.Page.EvaluateAsync<bool>("() => window.handlerRan === true"));
        Assert.NotNull(error); // Playwright reports the refused script tag
    }
}
