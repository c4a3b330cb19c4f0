using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Escalation;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Escalation;

/// <summary>
/// Shift-start notices over Azurite with a fake clock: Monday 2026-03-02 09:00 UTC; the rota hands off daily at 09:00
/// Berlin (08:00 UTC), ada on Monday, bob on Tuesday, ada on Wednesday.
/// </summary>
public sealed class ShiftStartTests
{
    [Fact]
    public async Task Across_a_hand_off_the_incoming_person_gets_exactly_one_email_and_nobody_else_any()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.ScheduleAsync(participants: ["ada@acme.test", "bob@acme.test"]);
        var job = host.Services.GetRequiredService<NotifyShiftStarts>();

        await job.RunAsync(); // ada came on an hour ago: past the grace, not news
        host.Time!.SetUtcNow(new DateTimeOffset(2026, 3, 3, 7, 59, 0, TimeSpan.Zero));
        await job.RunAsync();
        Assert.Empty(await driver.MailAsync("[On call]"));

        host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 8, 0, 20, TimeSpan.Zero));
        await Task.WhenAll(job.RunAsync(), job.RunAsync(), job.RunAsync()); // overlapping runs
        host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 8, 1, 0, TimeSpan.Zero));
        await job.RunAsync(); // the next minute sees the same start again

        // The host's own minute timer may have claimed the start first and still be sending: wait for it.
        Assert.True(await Eventually.TrueAsync(async () => (await driver.MailAsync("[On call]")).Count > 0));
        var notice = Assert.Single(await driver.MailAsync("[On call]"));
        Assert.Equal("bob@acme.test", notice.To);
        Assert.Equal("[On call] Your shift on Support (primary) has started", notice.Subject);
        Assert.Contains("until Wed 4 Mar 09:00 (Europe/Berlin)", notice.Text);
    }

    [Fact]
    public async Task After_a_long_outage_shifts_that_started_meanwhile_are_not_notified()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.ScheduleAsync(participants: ["ada@acme.test", "bob@acme.test"]);
        var job = host.Services.GetRequiredService<NotifyShiftStarts>();

        // Down from Monday until Wednesday 08:30 UTC: bob's Tuesday and ada's Wednesday starts are more than 5 minutes old.
        host.Time!.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 30, 0, TimeSpan.Zero));
        await job.RunAsync();
        Assert.Empty(await driver.MailAsync("[On call]"));

        host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 8, 4, 0, TimeSpan.Zero));
        await job.RunAsync(); // back in time for Thursday's hand-off to bob
        Assert.True(await Eventually.TrueAsync(async () => (await driver.MailAsync("[On call]")).Count > 0));
        Assert.Equal(["bob@acme.test"], (await driver.MailAsync("[On call]")).Select(m => m.To));
    }
}
