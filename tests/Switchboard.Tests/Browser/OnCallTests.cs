using Microsoft.Playwright;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>The on-call page as an agent sees it; the host's clock is fake: Monday 2 March 2026, 10:00 in Berlin.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OnCallTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_call_page_shows_the_timeline_in_local_time_with_gaps_and_the_header_badge()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var api = new OnCallDriver(host);
        // The rota starts on Wednesday; until then only an override covers Monday morning.
        var id = (await api.CreateAsync(OnCallDriver.Body(startDate: "2026-03-04"))).Str("id");
        var now = host.Time!.GetUtcNow();
        await api.AddOverrideAsync(id, "carol", now.AddHours(-1), now.AddHours(2));
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/#/oncall");
        await page.SignInWithApiKeyAsync();

        var badge = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "On call now: carol" });
        await Expect(badge).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support (primary)" })).ToBeVisibleAsync();
        var bands = page.GetByRole(AriaRole.List, new() { Name = "Timeline of Support (primary)" }).GetByRole(AriaRole.Listitem);
        await Expect(bands.Nth(0)).ToHaveTextAsync("carolMon 2 Mar 10:00 – Mon 2 Mar 12:00");
        await Expect(bands.Nth(1)).ToHaveTextAsync("Nobody on callMon 2 Mar 12:00 – Wed 4 Mar 09:00");
        await Expect(bands.Nth(1)).ToHaveClassAsync("band band-gap");
        await Expect(bands.Nth(2)).ToHaveTextAsync("adaWed 4 Mar 09:00 – Thu 5 Mar 09:00");
        await Expect(bands.Nth(3)).ToHaveTextAsync("bobThu 5 Mar 09:00 – Fri 6 Mar 09:00");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove override for carol" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "On call now: nobody" })).ToBeVisibleAsync();
        await Expect(bands.Nth(0)).ToHaveTextAsync("Nobody on callMon 2 Mar 10:00 – Wed 4 Mar 09:00");
        await Expect(page.GetByText("No overrides.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_creates_a_schedule_and_adds_an_override_from_the_page()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/oncall");
        await page.SignInWithApiKeyAsync();
        await Expect(page.GetByText("No schedules yet.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New schedule" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New schedule" });
        await form.GetByLabel("Name").FillAsync("Billing");
        await form.GetByLabel("Time zone").FillAsync("America/New_York");
        await form.GetByLabel("Participants, in turn").FillAsync("dora, eli");
        await form.GetByLabel("First shift on").FillAsync("2026-03-01");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create schedule" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Billing" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "On call now: dora" })).ToBeVisibleAsync();
        var bands = page.GetByRole(AriaRole.List, new() { Name = "Timeline of Billing" }).GetByRole(AriaRole.Listitem);
        await Expect(bands.Nth(0)).ToHaveTextAsync("doraMon 2 Mar 04:00 – Sun 8 Mar 09:00");

        var overrides = page.GetByRole(AriaRole.Form, new() { Name = "Add an override" });
        await overrides.GetByLabel("Agent").FillAsync("finn");
        await overrides.GetByLabel("From (your time)").FillAsync("2026-03-02T00:00");
        await overrides.GetByLabel("Until (your time)").FillAsync("2026-03-03T00:00");
        await overrides.GetByRole(AriaRole.Button, new() { Name = "Add override" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Overrides" })).ToContainTextAsync("finn");
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "On call now: finn" })).ToBeVisibleAsync();
    }
}
