using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>My settings: a phone number verified with the texted code, then a notification rule on it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneSettingsTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_agent_verifies_a_number_and_saves_sms_then_call_rules_that_are_there_after_reload()
    {
        await using var host = await TestHost.StartAsync(PhoneDriver.Settings);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await page.SignInWithEmailLinkAsync();
        await page.GotoAsync("/settings");

        var sms = page.GetByRole(AriaRole.Form, new() { Name = "SMS number" });
        await sms.GetByLabel("SMS number").FillAsync("+49 151 23456789");
        await sms.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Expect(sms.GetByRole(AriaRole.Status)).ToHaveTextAsync("+4915123456789 is not verified yet.");
        await sms.GetByLabel("SMS code").FillAsync(await new PhoneDriver(host).LastCodeAsync(PhoneDriver.Mobile));
        await sms.GetByRole(AriaRole.Button, new() { Name = "Verify SMS" }).ClickAsync();
        await Expect(sms.GetByRole(AriaRole.Status)).ToHaveTextAsync("+4915123456789 is verified.");

        var rules = page.GetByRole(AriaRole.Form, new() { Name = "My notification rules" });
        await rules.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await rules.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await rules.GetByLabel("Rule 2 minutes after the page").FillAsync("7");
        await rules.GetByRole(AriaRole.Button, new() { Name = "Save rules" }).ClickAsync();
        await Expect(rules.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rules saved.");

        await page.ReloadAsync();
        await Expect(rules.GetByLabel("Rule 1 channel")).ToHaveValueAsync("sms");
        await Expect(rules.GetByLabel("Rule 1 minutes after the page")).ToHaveValueAsync("0");
        await Expect(rules.GetByLabel("Rule 2 minutes after the page")).ToHaveValueAsync("7");
    }
}
