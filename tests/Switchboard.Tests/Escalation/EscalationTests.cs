using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Escalation;
using Switchboard.Storage.Escalation;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Escalation;

/// <summary>
/// Paging end to end over Azurite: a customer writes to support@, nobody answers, the clock moves (FakeTimeProvider,
/// starting Monday 2026-03-02 09:00 UTC = 10:00 in Berlin), and the pages in the mail sink show who was paged when.
/// </summary>
public sealed class EscalationTests
{
    private static readonly TimeSpan PastDue = TimeSpan.FromSeconds(31); // the sweep fires checks more than 30 s late

    [Fact]
    public async Task Unanswered_conversation_pages_level_one_then_level_two_until_the_link_acknowledges_it()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        var rota = await driver.ScheduleAsync(participants: ["ada@acme.test", "bob@acme.test"]);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(rota), EscalationDriver.Level(agentIds: ["carol@acme.test"]) }, repeat = 1 });
        var conversation = await driver.CustomerWritesAsync();

        await driver.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Empty(await driver.PagesAsync());
        await driver.AdvanceAsync(TimeSpan.FromMinutes(1) + PastDue);
        var first = Assert.Single(await driver.PagesAsync());
        await driver.AdvanceAsync(TimeSpan.FromMinutes(5) + PastDue); // level 1 has 5 minutes from its page
        var pages = await driver.PagesAsync();

        Assert.Equal("ada@acme.test", first.To);
        Assert.Equal("[Page] 1 conversation waiting on support@acme.test", first.Subject);
        Assert.Contains($"/conversations/{conversation}", first.Text);
        Assert.Equal(["ada@acme.test", "carol@acme.test"], pages.Select(p => p.To));

        var link = EscalationDriver.AcknowledgePath(pages[1]);
        var shown = await host.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("<form method=\"post\">", await shown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await driver.AcknowledgeAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await driver.AcknowledgeAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await driver.AcknowledgeAsync(link[..^2] + (link[^2] == 'A' ? "BA" : "AA"))).StatusCode);

        // Without the acknowledgement, the repeat would page ada again 5 minutes later.
        await driver.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(2, (await driver.PagesAsync()).Count);
        Assert.Equal(EscalationStates.Acknowledged, (await driver.StateAsync(conversation))!.State);
        var log = (await driver.PageLogAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["carol@acme.test", "ada@acme.test"], log.Select(p => p.Str("agentId")));
        Assert.Equal("carol@acme.test", log[0].Str("acknowledgedBy"));
        Assert.Equal(JsonValueKindNull, log[1].GetProperty("acknowledgedBy").ValueKind);
        Assert.Equal(2, (await driver.PageLogAsync($"?conversationId={conversation}")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Reply_before_the_deadline_pages_nobody()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]) } });
        var conversation = await driver.CustomerWritesAsync();

        await driver.AdvanceAsync(TimeSpan.FromMinutes(5));
        await driver.ReplyAsync(conversation);
        await driver.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Empty(await driver.PagesAsync());
        var state = (await driver.StateAsync(conversation))!;
        Assert.Equal(EscalationStates.Resolved, state.State);
        Assert.Equal("an agent replied", state.StopReason);
    }

    [Fact]
    public async Task Paged_people_hear_when_the_conversation_is_answered()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]) }, repeat = 2 });
        var conversation = await driver.CustomerWritesAsync();
        await driver.AdvanceAsync(TimeSpan.FromMinutes(10) + PastDue);

        await driver.ReplyAsync(conversation);
        await driver.AdvanceAsync(TimeSpan.FromMinutes(5) + PastDue);

        Assert.Single(await driver.PagesAsync());
        var notice = Assert.Single(await driver.MailAsync("[Resolved]"));
        Assert.Equal("ada@acme.test", notice.To);
        Assert.Contains("an agent replied", notice.Text);
    }

    [Fact]
    public async Task Redelivered_and_concurrent_checks_send_one_page()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]) } });
        var conversation = await driver.CustomerWritesAsync();
        var state = (await driver.StateAsync(conversation))!;
        var check = new EscalationCheck(state.DueRowKey, conversation, 0, state.DueAt);
        var engine = host.Services.GetRequiredService<EscalationEngine>();
        host.Time!.Advance(TimeSpan.FromMinutes(11));

        await Task.WhenAll(engine.CheckAsync(check), engine.CheckAsync(check), engine.SweepAsync(), engine.CheckAsync(check));
        await engine.CheckAsync(check);

        Assert.Single(await driver.PagesAsync());
        Assert.Single((await driver.PageLogAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Sweep_pages_when_the_scheduled_check_message_is_lost()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]) } });
        await driver.CustomerWritesAsync();
        var queue = host.Storage.Queue(QueueNames.EscalationChecks);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount); // hidden for the 10 minutes

        await queue.ClearMessagesAsync();
        host.Time!.Advance(TimeSpan.FromMinutes(10) + PastDue);
        // Left to the host's own minute timer this time.
        Assert.True(await Eventually.TrueAsync(async () => (await driver.PagesAsync()).Count == 1));
    }

    [Fact]
    public async Task Level_two_fires_after_a_restart_on_the_same_storage()
    {
        string prefix;
        string conversation;
        await using (var first = await TestHost.StartAsync(queuePump: false, fakeTime: true))
        {
            var driver = new EscalationDriver(first);
            await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]), EscalationDriver.Level(agentIds: ["bob@acme.test"]) } });
            conversation = await driver.CustomerWritesAsync();
            await driver.AdvanceAsync(TimeSpan.FromMinutes(10) + PastDue);
            Assert.Single(await driver.PagesAsync());
            prefix = first.Prefix;
        }

        await using var second = await TestHost.StartAsync(queuePump: false, fakeTime: true, prefix: prefix);
        var again = new EscalationDriver(second);
        await again.AdvanceToAsync(new DateTimeOffset(2026, 3, 2, 9, 17, 0, TimeSpan.Zero));

        Assert.Equal(["ada@acme.test", "bob@acme.test"], (await again.PagesAsync()).Select(p => p.To));
        Assert.Equal(EscalationStates.Finished, (await again.StateAsync(conversation))!.State);
    }

    [Fact]
    public async Task Gap_in_the_rota_holds_and_pages_whoever_comes_on_shift_at_the_start()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        // The rota starts Tuesday 09:00 Berlin (08:00 UTC): nobody is on call before.
        var rota = await driver.ScheduleAsync(startDate: "2026-03-03", participants: ["ada@acme.test", "bob@acme.test"]);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(rota) } });
        var conversation = await driver.CustomerWritesAsync();

        await driver.AdvanceAsync(TimeSpan.FromMinutes(10) + PastDue);
        Assert.Empty(await driver.PagesAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero), (await driver.StateAsync(conversation))!.DueAt);
        await driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 3, 7, 59, 0, TimeSpan.Zero));
        Assert.Empty(await driver.PagesAsync());
        await driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 3, 8, 0, 31, TimeSpan.Zero));

        Assert.Equal("ada@acme.test", Assert.Single(await driver.PagesAsync()).To);
    }

    [Fact]
    public async Task Across_the_spring_forward_change_the_person_on_the_new_shift_is_paged()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        // Daily 09:00 Berlin hand-offs; on Sunday 29 March 2026 09:00 is 07:00 UTC (08:00 UTC the day before).
        var rota = await driver.ScheduleAsync(startDate: "2026-03-23", participants: ["ada@acme.test", "bob@acme.test"]);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(rota) } });
        host.Time!.SetUtcNow(new DateTimeOffset(2026, 3, 29, 7, 5, 0, TimeSpan.Zero));
        await driver.CustomerWritesAsync();

        await driver.AdvanceAsync(TimeSpan.FromMinutes(10) + PastDue);

        // 07:15 UTC is 09:15 CEST: ada's shift (from 07:00 UTC), not bob's Saturday shift that a fixed-UTC hand-off would extend to 08:00.
        Assert.Equal("ada@acme.test", Assert.Single(await driver.PagesAsync()).To);
    }

    [Fact]
    public async Task After_hours_wait_rule_starts_the_clock_when_support_hours_start()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new
        {
            levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]) },
            afterHours = "wait",
            supportHours = new
            {
                timeZoneId = "Europe/Berlin",
                windows = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
                    .Select(day => new { startDay = day, startTime = "09:00", endDay = day, endTime = "17:00" }),
            },
        });
        host.Time!.SetUtcNow(new DateTimeOffset(2026, 3, 6, 16, 30, 0, TimeSpan.Zero)); // Friday 17:30 in Berlin
        var conversation = await driver.CustomerWritesAsync();

        await driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));
        Assert.Empty(await driver.PagesAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 8, 10, 0, TimeSpan.Zero), (await driver.StateAsync(conversation))!.DueAt); // Monday 09:10 Berlin
        await driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 9, 8, 10, 31, TimeSpan.Zero));

        Assert.Single(await driver.PagesAsync());
    }

    [Fact]
    public async Task Automatic_mail_never_starts_an_escalation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]) } });
        var raw = System.Text.Encoding.UTF8.GetString(new TestEmail("mailer@example.com", EscalationDriver.Mailbox, "Out of office").ToBytes());
        await driver.Inbound.PostMimeAsync(System.Text.Encoding.UTF8.GetBytes("Auto-Submitted: auto-replied\r\n" + raw));
        await driver.Inbound.ProcessQueuedAsync();
        var conversation = (await driver.Inbound.AllConversationsAsync()).Single().Str("id");

        await driver.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Null(await driver.StateAsync(conversation));
        Assert.Empty(await driver.PagesAsync());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
