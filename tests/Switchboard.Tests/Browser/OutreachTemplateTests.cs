using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Outreach;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>Settings: an admin edits the outreach template; a typo'd placeholder is refused under its field; alerts then use it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutreachTemplateTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_edits_the_outreach_template_and_the_next_alert_drafts_from_it()
    {
        await using var host = await TestHost.StartAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await page.SignInWithEmailLinkAsync();
        await page.GotoAsync("/settings");

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Outreach template" });
        await Expect(form.GetByLabel("Outreach subject")).ToHaveValueAsync("We noticed a problem: {summary}");
        await form.GetByLabel("Outreach message").FillAsync("Hello {nmae}, {summary} at {time}. We are on it.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(form.Locator(".field-error")).ToContainTextAsync("Unknown placeholder {nmae}");

        await form.GetByLabel("Outreach message").FillAsync("Hello {name}, {summary} at {time}. We are on it.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Template saved.");
        await page.ReloadAsync();
        await Expect(form.GetByLabel("Outreach message")).ToHaveValueAsync("Hello {name}, {summary} at {time}. We are on it.");

        var driver = new OutreachDriver(host);
        var received = await driver.PostAsync(OutreachDriver.Alert("ann@example.com", "your export failed"));
        Assert.StartsWith("Hello Ann, your export failed at ", (await driver.DraftAsync(received.Str("conversationId"))).Str("text"));
    }
}
