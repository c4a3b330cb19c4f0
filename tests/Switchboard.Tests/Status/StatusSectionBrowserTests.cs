using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Core.Status;
using Switchboard.Handlers.Status;
using Switchboard.Storage.Status;
using Switchboard.Tests.Browser;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Tests.Status.StatusApiTests;

namespace Switchboard.Tests.Status;

/// <summary>The agent app's status section (/status-page) and what it publishes to the public page (/status/).</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatusSectionBrowserTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string?> LocalTargets = new() { ["StatusChecks:AllowLocalTargets"] = "true" };

    [Fact]
    public async Task Agent_adds_a_component_runs_an_incident_to_resolution_and_the_public_page_shows_it()
    {
        await using var agent = await AgentBrowser.StartAsync(browser, settings: LocalTargets);
        var page = agent.Page;
        await agent.SignInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Status page" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status page", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add component" }).ClickAsync();
        var componentForm = page.GetByRole(AriaRole.Form, new() { Name = "New component" });
        await componentForm.GetByLabel("Name").FillAsync("Email delivery");
        await componentForm.GetByLabel("Group").FillAsync("Platform");
        await componentForm.GetByRole(AriaRole.Button, new() { Name = "Add component" }).ClickAsync();
        var components = page.GetByRole(AriaRole.List, new() { Name = "Components in Platform" });
        await Expect(components.GetByRole(AriaRole.Listitem)).ToHaveTextAsync("Email delivery Operational Edit Delete");
        await Expect(page.Locator("#status-overall")).ToHaveTextAsync("All Systems Operational");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open an incident" }).ClickAsync();
        var open = page.GetByRole(AriaRole.Form, new() { Name = "Open an incident" });
        await open.GetByLabel("Title").FillAsync("Email delayed");
        await open.GetByLabel("Impact").SelectOptionAsync("major");
        await open.GetByLabel("Message").FillAsync("A mail relay is slow; mail is queued, not lost.");
        await open.GetByLabel("State of Email delivery").SelectOptionAsync("partial_outage");
        await open.GetByRole(AriaRole.Button, new() { Name = "Open incident" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email delayed", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Affected components" })).ToHaveTextAsync("Email delivery Partial outage");
        var incidentUrl = page.Url;

        var update = page.GetByRole(AriaRole.Form, new() { Name = "Post an update" });
        await update.GetByLabel("Status").SelectOptionAsync("monitoring");
        await update.GetByLabel("Message").FillAsync("A fix is deployed; the queue is draining.");
        await update.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Updates" });
        await Expect(timeline.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Monitoring A fix is deployed; the queue is draining.");

        await update.GetByLabel("Status").SelectOptionAsync("resolved");
        await update.GetByLabel("Message").FillAsync("All delayed mail has been delivered.");
        await update.GetByLabel("Notify subscribers").UncheckAsync();
        await update.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Expect(timeline.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Affected components" })).ToHaveTextAsync("Email delivery Operational");
        await Expect(update).ToHaveCountAsync(0);

        var postmortem = page.GetByRole(AriaRole.Form, new() { Name = "Post-mortem" });
        await postmortem.GetByLabel("Post-mortem text").FillAsync("A relay's disk filled up.\n\nWe now alert at 80 %.");
        await postmortem.GetByRole(AriaRole.Button, new() { Name = "Save post-mortem" }).ClickAsync();
        await Expect(postmortem.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved and published.");

        var incidentId = incidentUrl[(incidentUrl.LastIndexOf('/') + 1)..];
        await page.GotoAsync($"/status/incidents/{incidentId}/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email delayed" })).ToBeVisibleAsync();
        await Expect(page.Locator(".postmortem")).ToContainTextAsync("We now alert at 80 %.");
        await Expect(page.Locator(".updates li").First).ToContainTextAsync("Resolved All delayed mail has been delivered.");
        await page.GotoAsync("/status/");
        await Expect(page.Locator("#overall")).ToHaveTextAsync("All Systems Operational");
        await Expect(page.Locator(".past")).ToContainTextAsync("Email delayed");

        await page.GotoAsync("/status-page");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Past incidents" })).ToContainTextAsync("Email delayed");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Active incidents" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Agent_schedules_maintenance_in_their_own_time_zone_and_adds_an_uptime_check()
    {
        await using var host = await TestHost.StartAsync(LocalTargets, queuePump: false);
        await using var context = await browser.NewContextAsync(host, timeZone: "America/Sao_Paulo");
        var page = await context.NewPageAsync();
        await ComponentAsync(host, "Agent app", "Apps");
        await page.GotoAsync("/");
        await page.SignInWithApiKeyAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await page.GotoAsync("/status-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule maintenance" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Schedule maintenance" });
        var day = DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await form.GetByLabel("Title").FillAsync("Database upgrade");
        await form.GetByLabel("Starts (America/Sao_Paulo, UTC-03:00)").FillAsync($"{day}T10:00");
        await form.GetByLabel("Ends (America/Sao_Paulo, UTC-03:00)").FillAsync($"{day}T11:30");
        await form.GetByLabel("Agent app").CheckAsync();
        await form.GetByLabel("Message").FillAsync("The app may be slow for a few minutes.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Upcoming maintenance" })).ToContainTextAsync("Database upgrade");
        var windows = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/status/maintenances"), HttpStatusCode.OK);
        var window = Assert.Single(windows.GetProperty("items").EnumerateArray());
        Assert.Equal(DateTimeOffset.Parse($"{day}T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture), window.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromMinutes(90), window.GetProperty("endsAt").GetDateTimeOffset() - window.GetProperty("startsAt").GetDateTimeOffset());

        await page.GetByRole(AriaRole.Button, new() { Name = "Add check" }).ClickAsync();
        var check = page.GetByRole(AriaRole.Form, new() { Name = "New uptime check" });
        await check.GetByLabel("URL").FillAsync("ftp://example.com/");
        await check.GetByRole(AriaRole.Button, new() { Name = "Add check" }).ClickAsync();
        await Expect(check.Locator("#check-url-error")).ToContainTextAsync("url is refused");
        var health = new Uri(host.BaseAddress, "/api/health").ToString();
        await check.GetByLabel("URL").FillAsync(health);
        await check.GetByLabel("Interval").SelectOptionAsync("5");
        await check.GetByRole(AriaRole.Button, new() { Name = "Add check" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Uptime checks" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(row).ToContainTextAsync("Agent app");
        await Expect(row).ToContainTextAsync(health);
        await Expect(row).ToContainTextAsync("5 min");

        await page.GotoAsync("/status/");
        await Expect(page.Locator(".maintenance")).ToContainTextAsync("Scheduled: Database upgrade");

        await page.GotoAsync("/status-page");
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel Database upgrade" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Cancelled maintenance" })).ToContainTextAsync("Database upgrade");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Upcoming maintenance" })).ToHaveCountAsync(0);
        await page.GotoAsync("/status/");
        await Expect(page.Locator(".maintenance")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Admin_edits_a_components_state_and_deletes_it_and_the_public_page_follows()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        var page = agent.Page;
        var id = await ComponentAsync(agent.Host, "Search", "Platform");
        await ComponentAsync(agent.Host, "Billing", "Platform");
        await agent.SignInAsync();
        await page.GotoAsync("/status-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Search" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "Edit Search" });
        await edit.GetByLabel("Name").FillAsync("Search and filters");
        await edit.GetByLabel("Current state").SelectOptionAsync("degraded_performance");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var item = page.Locator($"li[data-component='{id}']");
        await Expect(item).ToContainTextAsync("Search and filters");
        await Expect(item.Locator(".status-state")).ToHaveTextAsync("Degraded performance");
        await Expect(page.Locator("#status-overall")).ToHaveTextAsync("Minor Service Disruption");
        await page.GotoAsync("/status/");
        await Expect(page.Locator(".component.is-degraded-performance .name")).ToHaveTextAsync("Search and filters");

        await page.GotoAsync("/status-page");
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Search and filters" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Components in Platform" }).GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Billing Operational Edit Delete"]);
        await page.GotoAsync("/status/");
        await Expect(page.Locator(".component .name")).ToHaveTextAsync(["Billing"]);
        await Expect(page.Locator("#overall")).ToHaveTextAsync("All Systems Operational");
    }

    [Fact]
    public async Task A_template_fills_the_incident_form_and_templates_can_be_edited_and_deleted()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        var page = agent.Page;
        await agent.SignInAsync();
        await page.GotoAsync("/status-page");
        await page.GetByText("Update templates (0)").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New template" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New template" });
        await form.GetByLabel("Template name").FillAsync("Slow");
        await form.GetByLabel("Incident title").FillAsync("Slowness");
        await form.GetByLabel("Template status").SelectOptionAsync("identified");
        await form.GetByLabel("Template message").FillAsync("We know why pages load slowly.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        var templates = page.GetByRole(AriaRole.List, new() { Name = "Update templates" });
        await Expect(templates).ToContainTextAsync("Slow Identified: We know why pages load slowly.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit template Slow" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "Edit template Slow" });
        await edit.GetByLabel("Template message").FillAsync("We found why pages load slowly and are fixing it.");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(templates).ToContainTextAsync("We found why pages load slowly and are fixing it.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open an incident" }).ClickAsync();
        var open = page.GetByRole(AriaRole.Form, new() { Name = "Open an incident" });
        await open.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = "Slow" });
        await Expect(open.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Slowness");
        await Expect(open.GetByLabel("Status")).ToHaveValueAsync("identified");
        await Expect(open.GetByLabel("Message")).ToHaveValueAsync("We found why pages load slowly and are fixing it.");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete template Slow" }).ClickAsync();
        await Expect(templates.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Public_uptime_bars_of_a_checked_component_follow_its_daily_tallies()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        var host = agent.Host;
        var checkedId = await ComponentAsync(host, "API", "Platform");
        await ComponentAsync(host, "Website", "Platform");
        var store = host.Services.GetRequiredService<UptimeCheckStore>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var check = new UptimeCheck(UptimeCheckStore.NewCheckId(), checkedId, "https://api.example.com/health", 1, 200, null, 10, false, null, now.AddDays(-3));
        // Unused while the test runs: its first run is a day away.
        await store.AddAsync(check, UptimeCheckState.First(now.AddDays(1)));
        await TallyAsync(store, check.Id, now.AddDays(-2), runs: 20, failed: 2);
        await TallyAsync(store, check.Id, now.AddDays(-1), runs: 40, failed: 0);
        await host.Services.GetRequiredService<StatusPageChanges>().PublishAsync();

        await agent.Page.GotoAsync("/status/");
        var bars = agent.Page.Locator($".component[data-component='{checkedId}'] .bars li");
        await Expect(bars).ToHaveCountAsync(90);
        await Expect(bars.Nth(89)).ToHaveAttributeAsync("title", $"{now:yyyy-MM-dd}: no data");
        await Expect(bars.Nth(89)).ToHaveClassAsync("is-no-data");
        await Expect(bars.Nth(88)).ToHaveAttributeAsync("title", $"{now.AddDays(-1):yyyy-MM-dd}: 100 % up");
        await Expect(bars.Nth(88)).ToHaveClassAsync("is-operational");
        await Expect(bars.Nth(87)).ToHaveAttributeAsync("title", $"{now.AddDays(-2):yyyy-MM-dd}: 90 % up");
        await Expect(bars.Nth(87)).ToHaveClassAsync("is-major-outage");
        await Expect(bars.Nth(0)).ToHaveClassAsync("is-no-data");
        await Expect(agent.Page.Locator($".component[data-component='{checkedId}'] .uptime")).ToContainTextAsync("95 % uptime");
        // Without a check, the bars still come from incidents: every day up.
        var website = agent.Page.Locator(".component").Filter(new() { HasText = "Website" }).Locator(".bars li");
        await Expect(website.Nth(0)).ToHaveAttributeAsync("title", $"{now.AddDays(-89):yyyy-MM-dd}: 100 % up");

        var json = await host.Client.GetStringAsync("/status/status.json");
        Assert.Contains("\"uptime90d\": 95", json);
    }

    private static async Task TallyAsync(UptimeCheckStore store, string checkId, DateTimeOffset day, int runs, int failed)
    {
        for (var i = 0; i < runs; i++)
        {
            await store.RecordRunAsync(checkId, day, up: i >= failed, responseMs: 120);
        }
    }
}
