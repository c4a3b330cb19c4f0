using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Escalation;
using Switchboard.Handlers.OnCall;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Escalation;

/// <summary>
/// Shift-start notices ride on one delayed message per start time (no minute timer). Fake clock: Monday 2026-03-02
/// 09:00 UTC; the driver's rota hands off daily at 09:00 Berlin (08:00 UTC), ada Monday, bob Tuesday.
/// </summary>
public sealed class ShiftStartAlarmTests
{
    private static readonly DateTimeOffset TuesdayHandOff = new(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Saving_a_schedule_arms_one_alarm_for_its_next_hand_off_however_often_it_is_armed()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        await new EscalationDriver(host).ScheduleAsync(participants: ["ada@acme.test", "bob@acme.test"]);
        var alarm = host.Services.GetRequiredService<ShiftStartAlarm>();

        await Task.WhenAll(alarm.ArmAsync(), alarm.ArmAsync(), alarm.ArmAsync());

        var claims = await host.Storage.Table(StorageLayout.PagesTable)
            .QueryAsync<TableEntity>(e => e.PartitionKey == "shift-alarm").ToListAsync();
        Assert.Equal($"{TuesdayHandOff.UtcTicks:D19}", Assert.Single(claims).RowKey);
        var queued = await host.Storage.Queue("shift-starts").GetPropertiesAsync();
        Assert.Equal(1, queued.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task At_the_hand_off_its_message_notifies_the_incoming_person_once()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        await driver.ScheduleAsync(participants: ["ada@acme.test", "bob@acme.test"]);
        var handler = host.Services.GetRequiredService<NotifyShiftStartsWhenDue>();
        var message = JsonSerializer.Serialize(new { at = TuesdayHandOff });

        host.Time!.SetUtcNow(TuesdayHandOff.AddSeconds(-30)); // surfaced early: waits again, tells nobody
        await handler.HandleAsync(message);
        Assert.Empty(await driver.MailAsync("[On call]"));

        host.Time.SetUtcNow(TuesdayHandOff.AddSeconds(2));
        await handler.HandleAsync(message);
        await handler.HandleAsync(message); // redelivered

        var notice = Assert.Single(await driver.MailAsync("[On call]"));
        Assert.Equal("bob@acme.test", notice.To);
        // And the alarm for Wednesday's hand-off is armed.
        var claims = await host.Storage.Table(StorageLayout.PagesTable)
            .QueryAsync<TableEntity>(e => e.PartitionKey == "shift-alarm").ToListAsync();
        Assert.Contains(claims, c => c.RowKey == $"{TuesdayHandOff.AddDays(1).UtcTicks:D19}");
    }

    [Fact]
    public async Task A_message_without_its_time_goes_to_the_poison_queue_at_once()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var handler = host.Services.GetRequiredService<NotifyShiftStartsWhenDue>();

        await Assert.ThrowsAsync<Switchboard.Handlers.Hosting.PoisonMessageException>(() => handler.HandleAsync("{}"));
    }
}
