using System.Text;
using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>Attachments, inline images and HTML mail, each reached through the signed links the API gives.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MessageContentTests(BrowserFixture browser)
{
    [Fact]
    public async Task Attachment_is_listed_with_its_size_and_its_link_downloads_the_file()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Clients/attachment-pdf.eml");
        await agent.OpenConversationAsync("Signed contract");

        var attachments = agent.Messages.Nth(0).GetByRole(AriaRole.List, new() { Name = "Attachments" }).GetByRole(AriaRole.Listitem);
        await Expect(attachments).ToHaveTextAsync(["Contract 2026 (signed).pdf (218 bytes)", "attachment-2.png (79 bytes)"]);
        var link = attachments.Nth(0).GetByRole(AriaRole.Link, new() { Name = "Contract 2026 (signed).pdf" });

        var download = await agent.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("Contract 2026 (signed).pdf", download.SuggestedFilename);
        var file = await download.PathAsync();
        Assert.Equal(218, new FileInfo(file).Length);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(file), 0, 4));

        // The link is signed: it works without the API key, which the context's request API does not send.
        var response = await agent.Context.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, response.Status);
        Assert.Equal(218, (await response.BodyAsync()).Length);
    }

    [Fact]
    public async Task Html_view_runs_none_of_the_mails_scripts()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        // Each script in the fixture would also set a flag on the page, so that running is seen, not just an alert.
        var hostile = Encoding.UTF8.GetString(InboundDriver.FixtureBytes("Clients/html-with-script.eml"))
            .Replace("alert(", "(top.mailScriptRan = true) && alert(", StringComparison.Ordinal)
            .Replace("steal()", "top.mailScriptRan = true", StringComparison.Ordinal);
        Assert.True((await agent.Mail.PostMimeAsync(Encoding.UTF8.GetBytes(hostile))).IsSuccessStatusCode);
        await agent.Mail.ProcessQueuedAsync();
        var dialogs = 0;
        agent.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await agent.OpenConversationAsync("Screenshot of the problem");

        await agent.Messages.Nth(0).GetByRole(AriaRole.Button, new() { Name = "HTML view" }).ClickAsync();

        var html = agent.Page.FrameLocator("iframe[title='HTML view of the message']");
        await Expect(html.GetByText("Please see the screenshot.")).ToBeVisibleAsync();
        await Expect(html.GetByRole(AriaRole.Link, new() { Name = "help" })).ToHaveAttributeAsync("href", "https://example.com/help");
        await agent.Page.WaitForTimeoutAsync(500); // give a script that got through the time to run
        Assert.False(await agent.Page.EvaluateAsync<bool>("() => window.mailScriptRan === true"));
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Inline_image_loads_in_the_html_view_through_its_signed_link()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await agent.DeliverAsync("Clients/inline-image.eml");
        await agent.OpenConversationAsync("Error dialog screenshot");

        await agent.Messages.Nth(0).GetByRole(AriaRole.Button, new() { Name = "HTML view" }).ClickAsync();

        var img = agent.Page.FrameLocator("iframe[title='HTML view of the message']").GetByRole(AriaRole.Img, new() { Name = "error dialog" });
        await Expect(img).ToBeVisibleAsync();
        Assert.Equal(16, await img.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(done => img.onload = () => done(img.naturalWidth))"));
        var src = (await img.GetAttributeAsync("src"))!;
        Assert.StartsWith("/api/conversations/", src);
        var response = await agent.Context.APIRequest.GetAsync(src);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", response.Headers["content-type"]);
    }
}
