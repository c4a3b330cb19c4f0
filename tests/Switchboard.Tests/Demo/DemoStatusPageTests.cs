using System.Net;
using Microsoft.Playwright;
using Switchboard.LocalHost.Demo;
using Switchboard.Tests.Browser;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Tests.Status.StatusApiTests;

namespace Switchboard.Tests.Demo;

/// <summary>The demo's status page: not empty on first run, and seeding again adds nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoStatusPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Demo_public_status_page_shows_components_the_resolved_incident_and_the_upcoming_maintenance()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["StatusChecks:AllowLocalTargets"] = "true" }, queuePump: false);
        using (var api = DemoApi.Create(host.BaseAddress, TestHost.ApiKey, TestHost.WebhookSecret))
        {
            await new DemoStatusPage(api, TimeProvider.System).SeedAsync(CancellationToken.None);
            await new DemoStatusPage(api, TimeProvider.System).SeedAsync(CancellationToken.None);
        }

        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/status/");
        await Expect(page.Locator("#overall")).ToHaveTextAsync("All Systems Operational");
        await Expect(page.Locator(".component .name")).ToHaveTextAsync(["Agent app", "API", "Email delivery", "Knowledge base"]);
        await Expect(page.Locator("h3.group")).ToHaveTextAsync(["Platform Operational", "Public site Operational"]);
        await Expect(page.Locator(".maintenance")).ToContainTextAsync($"Scheduled: {DemoStatusPage.MaintenanceTitle}");
        await page.Locator(".past").GetByRole(AriaRole.Link, new() { Name = DemoStatusPage.IncidentTitle }).ClickAsync();
        await Expect(page.Locator(".updates li")).ToHaveCountAsync(3);
        await Expect(page.Locator(".postmortem")).ToContainTextAsync("separate domains");

        var checks = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/status/checks"), HttpStatusCode.OK);
        var check = Assert.Single(checks.GetProperty("items").EnumerateArray()).GetProperty("check");
        Assert.Equal(new Uri(host.BaseAddress, "/api/health").ToString(), check.GetProperty("url").GetString());
        var templates = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/status/templates"), HttpStatusCode.OK);
        Assert.Equal(2, templates.GetProperty("items").GetArrayLength());
    }
}
