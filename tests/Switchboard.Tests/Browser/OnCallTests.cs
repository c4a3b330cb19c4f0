using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>
/// The on-call page as an agent sees it; the host's clock is fake (Monday 2 March 2026, 09:00 UTC, 10:00 in Berlin) and
/// the browser's clock is set to it, so "now" is the same moment on both sides; the browser's zone is UTC.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OnCallTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_call_page_speaks_in_names_and_draws_the_two_weeks_as_rows_with_a_now_marker()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        using var team = new SignInDriver(host);
        var ada = await AgentAsync(team, "ada@acme.test", "Ada Lovelace");
        var bob = await AgentAsync(team, "bob@acme.test", "Bob Byrne");
        var carol = await AgentAsync(team, "carol@acme.test", "Carol Danvers");
        var api = new OnCallDriver(host);
        // The rota starts on Wednesday; until then only an override covers Monday morning.
        var id = (await api.CreateAsync(OnCallDriver.Body(startDate: "2026-03-04", participants: [ada, bob]))).Str("id");
        var now = host.Time!.GetUtcNow();
        await api.AddOverrideAsync(id, carol, now.AddHours(-1), now.AddHours(2));
        await using var context = await browser.NewContextAsync(host, timeZone: "UTC");
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(now.UtcDateTime);

        await page.GotoAsync("/oncall");
        await page.SignInWithApiKeyAsync();

        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "On call now: Carol Danvers" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Layers" })).ToHaveTextAsync("Primary: ALAda LovelaceBBBob Byrne");
        var timeline = page.GetByRole(AriaRole.Group, new() { Name = "Timeline of Support (primary)" });
        var primary = timeline.GetByRole(AriaRole.List, new() { Name = "Primary" }).GetByRole(AriaRole.Listitem);
        await Expect(primary.Nth(0)).ToHaveTextAsync("ALAda Lovelace");
        await Expect(primary.Nth(0)).ToHaveAttributeAsync("aria-label", new Regex(@"^Ada Lovelace: Wed 4 Mar 08:00 your time \(09:00 Europe/Berlin\) – Thu 5 Mar 08:00"));
        await Expect(primary.Nth(1)).ToHaveTextAsync("BBBob Byrne");
        await Expect(timeline.GetByRole(AriaRole.List, new() { Name = "Overrides" }).GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["CDCarol Danvers"]);
        var onCall = timeline.GetByRole(AriaRole.List, new() { Name = "On call" }).GetByRole(AriaRole.Listitem);
        // From the start of today in the browser's zone: nobody until the override, Carol, nobody until Wednesday, Ada.
        string[] first = ["Nobody", "CDCarol Danvers", "Nobody", "ALAda Lovelace", "BBBob Byrne"];
        for (var i = 0; i < first.Length; i++)
        {
            await Expect(onCall.Nth(i)).ToHaveTextAsync(first[i]);
        }
        await Expect(onCall.Nth(2)).ToHaveAttributeAsync("aria-label", "Nobody on call: Mon 2 Mar 11:00 your time (12:00 Europe/Berlin) – Wed 4 Mar 08:00 your time (09:00 Europe/Berlin)");
        await Expect(timeline.GetByRole(AriaRole.Note, new() { Name = "Now, Mon 2 Mar 09:00 your time (10:00 Europe/Berlin)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Hand-offs" }).GetByRole(AriaRole.Listitem).First)
            .ToHaveTextAsync("Mon 2 Mar 11:00 your time (12:00 Europe/Berlin): nobody takes over");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(ada);

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove override for Carol Danvers" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "On call now: nobody" })).ToBeVisibleAsync();
        await Expect(onCall.Nth(0)).ToHaveTextAsync("Nobody");
        await Expect(onCall.Nth(1)).ToHaveTextAsync("ALAda Lovelace");
        await Expect(page.GetByText("No overrides.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_creates_a_schedule_picking_agents_from_the_team_and_adds_an_override()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        using var team = new SignInDriver(host);
        await AgentAsync(team, "dora@acme.test", "Dora Diaz");
        await AgentAsync(team, "eli@acme.test", "Eli Evans");
        await AgentAsync(team, "finn@acme.test", "Finn Fox");
        await using var context = await browser.NewContextAsync(host, timeZone: "UTC");
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(host.Time!.GetUtcNow().UtcDateTime);
        await page.GotoAsync("/oncall");
        await page.SignInWithApiKeyAsync();
        await Expect(page.GetByText("No schedules yet.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New schedule" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New schedule" });
        await form.GetByLabel("Name").FillAsync("Billing");
        await form.GetByLabel("Time zone").FillAsync("America/New_York");
        var participants = form.GetByRole(AriaRole.Group, new() { Name = "Participants of layer 1, in turn" });
        await participants.GetByLabel("Add an agent").SelectOptionAsync(new SelectOptionValue { Label = "Dora Diaz (dora@acme.test)" });
        await participants.GetByLabel("Add an agent").SelectOptionAsync(new SelectOptionValue { Label = "Eli Evans (eli@acme.test)" });
        await Expect(participants.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["DDDora Diaz Remove", "EEEli Evans Remove"]);
        await form.GetByLabel("First shift on").FillAsync("2026-03-01");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create schedule" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Billing" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "On call now: Dora Diaz" })).ToBeVisibleAsync();

        var overrides = page.GetByRole(AriaRole.Form, new() { Name = "Add an override" });
        await overrides.GetByLabel("Agent").SelectOptionAsync(new SelectOptionValue { Label = "Finn Fox (finn@acme.test)" });
        await overrides.GetByLabel("From (your time)").FillAsync("2026-03-02T00:00");
        await overrides.GetByLabel("Until (your time)").FillAsync("2026-03-03T00:00");
        await overrides.GetByRole(AriaRole.Button, new() { Name = "Add override" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Overrides" }).First).ToContainTextAsync("Finn Fox");
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "On call now: Finn Fox" })).ToBeVisibleAsync();
    }

    private static async Task<string> AgentAsync(SignInDriver team, string email, string name)
    {
        await team.InviteAndSignInAsync(email, "agent", name);
        return await team.AgentIdAsync(email);
    }
}
