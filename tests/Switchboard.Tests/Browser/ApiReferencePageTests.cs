using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ApiReferencePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Api_reference_page_loads_the_generated_document_and_lists_the_routes()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        var documentLoaded = page.WaitForResponseAsync(r => r.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal) && r.Status == 200);

        await page.GotoAsync("/api-reference");

        await documentLoaded;
        // The reference renders the first groups and collapses the rest: every group is listed, and opening one shows its routes.
        // Groups come in the order the functions are declared; the later ones start collapsed.
        foreach (var group in new[] { "Inbound email", "Conversations", "On call", "Delivery events", "Health" })
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Open Group - {group}", Exact = true }).First).ToBeAttachedAsync(new() { Timeout = 15_000 });
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Group - Inbound email", Exact = true }).First.ClickAsync();
        await Expect(page.GetByText("/api/inbound/mime").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Group - Health", Exact = true }).First.ClickAsync();
        await Expect(page.GetByText("/api/health").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }
}
