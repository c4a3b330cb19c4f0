using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Tests.Escalation;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

/// <summary>The escalation part of the on-call page: the policy editor per mailbox and the page history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EscalationPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_saves_a_policy_after_fixing_the_field_the_server_names_and_sees_it_after_reload()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        await new EscalationDriver(host).ScheduleAsync(participants: ["ada", "bob"]);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/oncall");
        await page.SignInWithApiKeyAsync();

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Escalation policy for support@acme.test" });
        await Expect(page.GetByText("No policy yet: nobody is paged.")).ToBeVisibleAsync();
        await form.GetByLabel("Target first response (minutes)").FillAsync("15");
        await form.GetByLabel("Schedule").SelectOptionAsync(new SelectOptionValue { Label = "Support (primary)" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a level" }).ClickAsync();
        var second = form.GetByRole(AriaRole.Group, new() { Name = "Level 2" });
        var admin = (await new EscalationDriver(host).OnCall.GetAsync("/api/assignees")).GetProperty("items")[0];
        await second.GetByLabel("Add an agent").SelectOptionAsync(new SelectOptionValue { Label = $"{admin.Str("name")} ({admin.Str("email")})" });
        await second.GetByLabel("Escalate after (minutes)").FillAsync("0");
        await form.GetByLabel("Repeat the levels (times)").FillAsync("11");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();

        await Expect(second.Locator(".field-error")).ToHaveTextAsync("The delay before the next level must be between 1 second and 7 days.");
        await Expect(form.Locator(".field-error").Last).ToHaveTextAsync("Repeat the levels 0 to 10 more times.");
        await Expect(form.GetByRole(AriaRole.Group, new() { Name = "Level 1" }).Locator(".field-error")).ToHaveCountAsync(0);

        await second.GetByLabel("Escalate after (minutes)").FillAsync("30");
        await form.GetByLabel("Repeat the levels (times)").FillAsync("2");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(form.Locator(".field-error")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(form.GetByLabel("Target first response (minutes)")).ToHaveValueAsync("15");
        await Expect(form.GetByRole(AriaRole.Group, new() { Name = "Level 1" }).GetByLabel("Schedule")).ToHaveValueAsync(await ScheduleIdAsync(host));
        await Expect(form.GetByRole(AriaRole.Group, new() { Name = "Named agents of level 2" }).GetByRole(AriaRole.Listitem)).ToHaveTextAsync([$"{Initials(admin.Str("name"))}{admin.Str("name")} Remove"]);
        await Expect(form.GetByRole(AriaRole.Group, new() { Name = "Level 2" }).GetByLabel("Escalate after (minutes)")).ToHaveValueAsync("30");
        await Expect(form.GetByLabel("Repeat the levels (times)")).ToHaveValueAsync("2");
        var stored = await new EscalationDriver(host).OnCall.GetAsync("/api/oncall/policies/support@acme.test");
        Assert.Equal("00:15:00", stored.GetProperty("policy").Str("targetFirstResponse"));
        Assert.Equal(admin.Str("id"), stored.GetProperty("policy").GetProperty("levels")[1].GetProperty("agentIds")[0].GetString());
    }

    [Fact]
    public async Task Saving_over_a_policy_changed_meanwhile_says_so_and_loads_the_current_one()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada"]) } });
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/oncall");
        await page.SignInWithApiKeyAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Escalation policy for support@acme.test" });
        var named = form.GetByRole(AriaRole.Group, new() { Name = "Named agents of level 1" });
        await Expect(named.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Aada Remove"]); // not an agent of the team: its id, as it is

        var current = await driver.OnCall.GetAsync("/api/oncall/policies/support@acme.test");
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["erin"]) } }, ifMatch: current.Str("etag"));
        await named.GetByLabel("Add an agent").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();

        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("was changed since you read it");
        await form.GetByRole(AriaRole.Button, new() { Name = "Load the current policy" }).ClickAsync();
        await Expect(named.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Eerin Remove"]);
    }

    [Fact]
    public async Task Page_history_lists_a_page_the_escalation_sent_with_its_conversation_and_acknowledgement()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]), EscalationDriver.Level(agentIds: ["carol@acme.test"]) } });
        var conversation = await driver.CustomerWritesAsync("Printer on fire");
        await driver.AdvanceAsync(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(31));
        await driver.AdvanceAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(31));
        var pages = await driver.PagesAsync();
        Assert.Equal(["ada@acme.test", "carol@acme.test"], pages.Select(p => p.To));
        await driver.AcknowledgeAsync(EscalationDriver.AcknowledgePath(pages[1]));

        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/oncall");
        await page.SignInWithApiKeyAsync();

        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Pages sent" }).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(3); // the header and two pages, newest first
        await Expect(rows.Nth(1)).ToContainTextAsync("carol@acme.test");
        await Expect(rows.Nth(1).GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync(new Regex(@"^carol@acme\.test, Mon 2 Mar \d\d:16$")); // acknowledged at 09:16 UTC, shown in the browser's zone
        await Expect(rows.Nth(1).GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("email");
        await Expect(rows.Nth(2).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("ada@acme.test");
        await Expect(rows.Nth(2).GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("Not acknowledged");
        var link = rows.Nth(2).GetByRole(AriaRole.Link, new() { Name = "Printer on fire" });
        await Expect(link).ToHaveAttributeAsync("href", $"/conversations/{conversation}");
    }

    private static string Initials(string name) => string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } words
        ? [char.ToUpperInvariant(words[0][0]), char.ToUpperInvariant(words[^1][0])]
        : [char.ToUpperInvariant(name[0])]);

    private static async Task<string> ScheduleIdAsync(TestHost host) =>
        (await new EscalationDriver(host).OnCall.GetAsync("/api/oncall/schedules")).GetProperty("items")[0].Str("id");
}
