using System.Text;
using Microsoft.Playwright;
using Switchboard.Tests.Browser;
using Switchboard.Tests.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Proof;

/// <summary>
/// Script hidden in every place a customer (or a teammate) controls: subject, display name, attachment name, the HTML
/// body, a note. Checked by running the app in Chromium: nothing runs (a payload that ran sets
/// <c>window.__pwned</c> or opens a dialog), no payload becomes markup, and each shows as the text it is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileContentBrowserTests(BrowserFixture browser)
{
    // Unquoted attributes: a double quote would end the header's quoted string before the payload does its work.
    private const string Subject = "<img src=x onerror=window.__pwned='subject'> refund";
    private const string Name = "<svg onload=window.__pwned='from'>";
    private const string AttachmentName = "<img src=x onerror=window.__pwned='attachment'>.txt";
    private const string Note = "<img src=x onerror=window.__pwned='note'> see ticket";

    [Fact]
    public async Task Script_in_subject_name_attachment_html_and_note_never_runs_and_shows_as_text()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        var dialogs = new List<string>();
        agent.Page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        Assert.True((await agent.Mail.PostMimeAsync(HostileMail())).IsSuccessStatusCode);
        await agent.Mail.ProcessQueuedAsync();
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");
        Assert.True((await new ToolkitDriver(agent.Host).NoteAsync(id, Note)).IsSuccessStatusCode);

        await agent.OpenConversationAsync(Subject); // found in the inbox by its subject, as text
        var message = agent.Messages.Filter(new() { HasText = "Please look at the attached log" });
        await Expect(message).ToContainTextAsync(Name);
        await Expect(message).ToContainTextAsync(AttachmentName);
        await Expect(agent.Messages.Filter(new() { HasText = "see ticket" })).ToContainTextAsync(Note);
        await message.GetByRole(AriaRole.Button, new() { Name = "HTML view" }).ClickAsync();
        var frame = agent.Page.FrameLocator("iframe[title='HTML view of the message']");
        await Expect(frame.GetByText("Please look at the attached log")).ToBeVisibleAsync();
        await frame.GetByText("open the log").ClickAsync(); // a link or, once made safe, plain text
        await agent.Page.WaitForTimeoutAsync(500); // time for an onerror, onload or link handler to fire

        Assert.Empty(dialogs);
        foreach (var pageFrame in agent.Page.Frames)
        {
            Assert.Null(await pageFrame.EvaluateAsync<string?>("() => window.__pwned ?? null"));
            Assert.Equal(0, await pageFrame.EvaluateAsync<int>(
                "() => document.querySelectorAll('script:not([src]), [onerror], [onload], [onclick], a[href^=\"javascript:\" i]').length"));
        }
        Assert.Equal(2, agent.Page.Frames.Count); // the app and the message's HTML view: no frame smuggled in
    }

    private static byte[] HostileMail() => Encoding.UTF8.GetBytes(
        $"""
        From: "{Name}" <mallory@example.com>
        To: support@acme.test
        Subject: {Subject}
        Message-ID: <hostile-1@example.com>
        Date: Mon, 02 Mar 2026 08:00:00 +0000
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=utf-8

        Please look at the attached log.
        --inner
        Content-Type: text/html; charset=utf-8

        <html><head><script>window.__pwned='script'</script></head><body onload="window.__pwned='body'">
        <p>Please look at the attached log.</p><img src="x" onerror="window.__pwned='img'">
        <a href="javascript:window.__pwned='link'">open the log</a>
        <iframe src="javascript:window.parent.__pwned='frame'"></iframe>
        <svg><animate onbegin="window.__pwned='svg'" attributeName="x" dur="1s"/></svg>
        <form action="javascript:window.__pwned='form'"><button>Go</button></form>
        </body></html>
        --inner--
        --outer
        Content-Type: text/plain; name="{AttachmentName}"
        Content-Disposition: attachment; filename="{AttachmentName}"

        log line
        --outer--
        """.ReplaceLineEndings("\r\n"));
}
