using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HealthBadgeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Agent_app_opens_with_a_healthy_storage_badge_and_asks_for_an_email_address()
    {
        await using var host = await TestHost.StartAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        var header = page.GetByRole(AriaRole.Banner);
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Switchboard" })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Status)).ToHaveTextAsync("Storage: healthy");
        await Expect(page.GetByLabel("Email address")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Badge_says_which_store_is_unhealthy_when_storage_is_unreachable()
    {
        await using var host = await TestHost.StartAsync(connectionString: UnreachableStorage.ConnectionString());
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Status))
            .ToHaveTextAsync(new Regex("^Storage: unhealthy — tables: .+"), new() { Timeout = 15_000 });
    }
}
