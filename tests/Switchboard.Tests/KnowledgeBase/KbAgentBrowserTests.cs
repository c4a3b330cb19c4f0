using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Browser;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Tests.KnowledgeBase.KbClient;

namespace Switchboard.Tests.KnowledgeBase;

/// <summary>The agent app's knowledge base screens, driven in Chromium as an author uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KbAgentBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Author_previews_saves_meets_a_teammates_save_restores_publishes_and_reads_what_readers_said()
    {
        await using var host = await TestHost.StartAsync(FastPublishing());
        var reset = await CreateAsync(host, "Reset your password", "Choose **Forgot password**.", "Account");
        await PublishedAsync(host);
        await PostPublicAsync(host, $"/api/public/kb/{reset.Slug}/feedback", new { helpful = false, comment = "The link had expired." });
        await PostPublicAsync(host, "/api/public/kb/search-misses", new { query = "refund to paypal" });
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.SignInWithApiKeyAsync();

        // A new article, written in the editor: the preview is the server's rendering.
        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base" }).ClickAsync();
        await page.GetByLabel("New article title").FillAsync("Export your data");
        await page.GetByRole(AriaRole.Form, new() { Name = "New article" }).GetByLabel("Category").FillAsync("Account");
        await page.GetByRole(AriaRole.Button, new() { Name = "New article" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Form, new() { Name = "Edit article" });
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Export your data", Level = 1 })).ToBeVisibleAsync();
        var body = editor.GetByLabel("Body (Markdown)");
        await body.FillAsync("## Export\n\nChoose **Settings → Export**.\n\n| Format | Size |\n|---|---|\n| CSV | small |");
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Export", Level = 2 })).ToBeVisibleAsync();
        await Expect(preview.Locator("strong")).ToHaveTextAsync("Settings → Export");
        await Expect(preview.GetByRole(AriaRole.Cell, new() { Name = "CSV" })).ToBeVisibleAsync();

        // A file dropped on the body is uploaded and its Markdown inserted.
        await body.EvaluateAsync("""
            area => {
              const files = new DataTransfer();
              files.items.add(new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'export-menu.png', { type: 'image/png' }));
              area.setSelectionRange(area.value.length, area.value.length);
              area.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
            }
            """);
        await Expect(body).ToHaveValueAsync(new Regex(@"!\[export-menu\.png\]\(/api/kb/files/f[0-9a-f]{16}/export-menu\.png\)"));
        await Expect(preview.Locator("img[alt='export-menu.png']")).ToHaveCountAsync(1);
        // So is a file pasted into it (a screenshot from the clipboard).
        await body.EvaluateAsync("""
            area => {
              const clipboard = new DataTransfer();
              clipboard.items.add(new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'pasted-shot.png', { type: 'image/png' }));
              area.setSelectionRange(area.value.length, area.value.length);
              area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
            }
            """);
        await Expect(body).ToHaveValueAsync(new Regex(@"!\[pasted-shot\.png\]\(/api/kb/files/f[0-9a-f]{16}/pasted-shot\.png\)"));
        await Expect(preview.Locator("img[alt='pasted-shot.png']")).ToHaveCountAsync(1);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved version 2.");
        var id = page.Url.Split('/').Last();

        // A teammate saves meanwhile: this save is refused and shows what they changed.
        await EditAsync(host, id, "\"v2\"", new { body = "## Export\n\nChoose **Settings → Export**, then wait for the email." });
        await editor.GetByLabel("Summary").FillAsync("Download everything as CSV.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var conflict = editor.GetByRole(AriaRole.Alert);
        await Expect(conflict).ToContainTextAsync("Someone else saved this article while you were editing. Nothing was saved.");
        await Expect(conflict).ToContainTextAsync("They changed: body.");
        await Expect(conflict.Locator(".kb-diff-added")).ToContainTextAsync("then wait for the email.");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Discard mine and load theirs" }).ClickAsync();
        await Expect(body).ToHaveValueAsync("## Export\n\nChoose **Settings → Export**, then wait for the email.");

        // Version 2 is restored as version 4.
        var revisions = page.GetByRole(AriaRole.Region, new() { Name = "Revisions" });
        var saves = revisions.GetByRole(AriaRole.List, new() { Name = "Every save" }).GetByRole(AriaRole.Listitem);
        await Expect(saves).ToHaveCountAsync(3);
        await revisions.GetByRole(AriaRole.Button, new() { Name = "Restore version 2" }).ClickAsync();
        await Expect(saves.First).ToContainTextAsync("v4");
        await Expect(saves.First).ToContainTextAsync("(restored v2)");
        await Expect(body).ToHaveValueAsync(new Regex(@"\| CSV \| small \|"));

        // Published, then the whole site again with "Publish now": the status says when it is out.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");
        await page.GetByRole(AriaRole.Link, new() { Name = "All articles" }).ClickAsync();
        var account = page.GetByRole(AriaRole.Region, new() { Name = "Account" });
        await Expect(account.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Export your data" })).ToContainTextAsync("published");
        var site = page.GetByRole(AriaRole.Region, new() { Name = "Public site" });
        var before = (await SiteAsync(host)).GetProperty("publishes").GetInt32();
        await site.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        Assert.True(await Eventually.TrueAsync(async () => (await SiteAsync(host)) is var s
            && s.GetProperty("publishes").GetInt32() > before && s.GetProperty("upToDate").GetBoolean(), TimeSpan.FromSeconds(30)));
        await Expect(site.GetByRole(AriaRole.Status)).ToContainTextAsync("Every change is on the site.", new() { Timeout = 10_000 });
        await Expect(site.GetByRole(AriaRole.Status)).ToContainTextAsync("Last published");
        var published = await host.Client.GetAsync($"/kb/articles/export-your-data/");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("<strong>Settings → Export</strong>", await published.Content.ReadAsStringAsync());

        // What readers said: votes per article, the comment on the article itself, the search that found nothing.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reader feedback" }).ClickAsync();
        var votes = page.GetByRole(AriaRole.Region, new() { Name = "Votes per article" });
        await Expect(votes.GetByRole(AriaRole.Row, new() { Name = "Reset your password" })).ToHaveTextAsync(new Regex(@"Reset your password\s*0\s*1\s*1"));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Searches that found nothing" })).ToContainTextAsync("refund to paypal");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Deflection" }).GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await votes.GetByRole(AriaRole.Link, new() { Name = "Reset your password" }).ClickAsync();
        var feedback = page.GetByRole(AriaRole.Region, new() { Name = "Reader feedback" });
        await Expect(feedback).ToContainTextAsync("0 found it helpful · 1 did not");
        await Expect(feedback).ToContainTextAsync("The link had expired.");
    }

    [Fact]
    public async Task A_reply_becomes_a_draft_in_the_editor_and_the_composer_links_a_published_article()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await CreateAsync(agent.Host, "Export your data", "Settings, then Export.", "Account");
        await CreateAsync(agent.Host, "Export checklist (draft)", "Not yet.", "Account", status: "draft");
        await agent.DeliverAsync("Threads/Gmail3/01-customer.eml");
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");
        await new ReplyDriver(agent.Host).ReplyAcceptedAsync(id, new
        {
            text = "Pick March in the date filter, then press Refresh.\n\nOn Mon, 2 Mar 2026 at 09:00, Dana <dana@example.com> wrote:\n> Dashboard shows no data",
            statusAfter = "open",
        });
        await agent.OpenConversationAsync("Dashboard shows no data for March");

        var sent = agent.Messages.Filter(new() { HasText = "Pick March in the date filter" });
        await sent.GetByRole(AriaRole.Button, new() { Name = "Turn this reply into an article" }).ClickAsync();
        var editor = agent.Page.GetByRole(AriaRole.Form, new() { Name = "Edit article" });
        await Expect(editor.GetByLabel("Title")).ToHaveValueAsync("Dashboard shows no data for March");
        await Expect(editor.GetByLabel("Body (Markdown)")).ToHaveValueAsync("Pick March in the date filter, then press Refresh.");
        await Expect(editor.GetByLabel("Status")).ToHaveValueAsync("draft");
        Assert.Matches(@"/knowledge-base/articles/k[0-9a-f]{16}$", agent.Page.Url);

        await agent.Page.GotoAsync($"/conversations/{id}");
        var composer = agent.Page.GetByRole(AriaRole.Form, new() { Name = "Reply" });
        await composer.GetByRole(AriaRole.Button, new() { Name = "Link an article" }).ClickAsync();
        await composer.GetByLabel("Find an article to link").FillAsync("export");
        var offered = composer.GetByRole(AriaRole.List, new() { Name = "Published articles" }).GetByRole(AriaRole.Listitem);
        await Expect(offered).ToHaveCountAsync(1);
        await composer.GetByRole(AriaRole.Button, new() { Name = "Insert a link to Export your data" }).ClickAsync();
        await Expect(composer.GetByLabel("Reply to the customer")).ToHaveValueAsync($"Export your data: {new Uri(agent.Host.BaseAddress, "/kb/articles/export-your-data/")}");
    }

    [Fact]
    public async Task Categories_are_added_and_reordered_and_the_contact_form_settings_saved()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await CreateAsync(agent.Host, "Invoices", "Billing, then Invoices.", "Billing", status: "draft");
        await CreateAsync(agent.Host, "Sign in", "Use your email.", "Account", status: "draft");
        await agent.SignInAsync();

        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base" }).ClickAsync();
        var categories = agent.Page.GetByRole(AriaRole.Region, new() { Name = "Categories" });
        await categories.GetByLabel("New category").FillAsync("Getting started");
        await categories.GetByRole(AriaRole.Button, new() { Name = "Add category" }).ClickAsync();
        await Expect(categories.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([new Regex("^Billing"), new Regex("^Account"), new Regex("^Getting started")]);
        await categories.GetByRole(AriaRole.Button, new() { Name = "Move Getting started up" }).ClickAsync();
        await categories.GetByRole(AriaRole.Button, new() { Name = "Move Getting started up" }).ClickAsync();
        await categories.GetByRole(AriaRole.Button, new() { Name = "Save order" }).ClickAsync();
        await Expect(categories.GetByRole(AriaRole.Status)).ToContainTextAsync("Order saved");
        var list = await JsonAsync(await SendAsync(agent.Host, HttpMethod.Get, "/api/kb/articles"), HttpStatusCode.OK);
        Assert.Equal(["Getting started", "Billing", "Account"], list.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Contact form" }).ClickAsync();
        var form = agent.Page.GetByRole(AriaRole.Form, new() { Name = "Contact form settings" });
        await form.GetByLabel("Support hours").FillAsync("Monday to Thursday, 8:00 to 16:00");
        await form.GetByLabel("Expected response time").FillAsync("within four hours");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save contact form settings" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        var settings = await JsonAsync(await SendAsync(agent.Host, HttpMethod.Get, "/api/kb/contact-settings"), HttpStatusCode.OK);
        Assert.Equal(("Monday to Thursday, 8:00 to 16:00", "within four hours"), (settings.Str("supportHours"), settings.Str("responseTime")));
    }

    private static async Task PostPublicAsync(TestHost host, string path, object body)
    {
        var response = await host.Client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
