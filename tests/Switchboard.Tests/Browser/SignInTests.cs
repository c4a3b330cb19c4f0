using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task Agent_signs_in_with_the_link_shown_in_the_dev_mail_view_and_sees_the_inbox()
    {
        await using var host = await TestHost.StartAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("Email address").FillAsync(TestHost.FirstAdminEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "open the dev mail view" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your Switchboard sign-in link" }).ClickAsync();
        await page.Locator(".dev-mail-text").GetByRole(AriaRole.Link, new() { NameRegex = SignInLink() }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("admin");
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "sb-session");
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task Following_a_used_link_again_explains_why_and_offers_a_new_one()
    {
        await using var host = await TestHost.StartAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/sign-in?error=used");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already used");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_old_hash_address_from_a_mail_already_sent_still_leads_to_its_page()
    {
        await using var host = await TestHost.StartAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/#/sign-in?error=used");

        await Expect(page).ToHaveURLAsync(new Regex(@"/sign-in\?error=used$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already used");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" })).ToBeVisibleAsync();
    }

    // Slashes written as "." : Playwright puts the pattern into a /…/ selector, where a bare slash ends it.
    [GeneratedRegex(@"^http:..\S+.api.auth.magic-links.[A-Za-z0-9_-]+$")]
    private static partial Regex SignInLink();
}
