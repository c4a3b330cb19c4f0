using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

public static partial class MagicLinkSignIn
{
    /// <summary>From the sign-in form, as the first admin: ask for a link, follow it from the dev mail view, land in the inbox.</summary>
    public static async Task SignInWithEmailLinkAsync(this IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Email address").FillAsync(TestHost.FirstAdminEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "open the dev mail view" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your Switchboard sign-in link" }).ClickAsync();
        await page.Locator(".dev-mail-text").GetByRole(AriaRole.Link, new() { NameRegex = SignInLink() }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
    }

    // Slashes written as "." : Playwright puts the pattern into a /…/ selector, where a bare slash ends it.
    [GeneratedRegex(@"^http:..\S+.api.auth.magic-links.[A-Za-z0-9_-]+$")]
    private static partial Regex SignInLink();
}
