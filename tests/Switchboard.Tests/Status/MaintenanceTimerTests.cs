using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Handlers.Status;
using Switchboard.Storage;
using Switchboard.Storage.Status;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Status;

/// <summary>Maintenance windows start and complete by themselves: delayed queue messages, with an hourly sweep behind them.</summary>
public sealed class MaintenanceTimerTests
{
    private static async Task<(TestHost Host, string ComponentId, Maintenance Window)> ScheduleAsync()
    {
        var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var component = Assert.IsType<Created<StatusComponent>>(await host.Services.GetRequiredService<CreateStatusComponent>()
            .HandleAsync(new NewComponent("Database", null, null, null, null))).Value!;
        var now = host.Time!.GetUtcNow();
        var scheduled = Assert.IsType<Created<Maintenance>>(await host.Services.GetRequiredService<ScheduleMaintenance>().HandleAsync(
            new NewMaintenance("Database upgrade", "Read-only for a while.", [component.Id], now.AddHours(1), now.AddHours(2)))).Value!;
        return (host, component.Id, scheduled);
    }

    private static async Task<ComponentState> StateAsync(TestHost host, string componentId) =>
        (await host.Services.GetRequiredService<StatusStore>().ListComponentsAsync()).Single(c => c.Id == componentId).State;

    private static string Message(string id, DateTimeOffset at) => JsonSerializer.Serialize(new MaintenanceDue(id, at), JsonDefaults.Options);

    [Fact]
    public async Task Scheduling_queues_one_hidden_wake_up_for_the_start()
    {
        var (host, _, _) = await ScheduleAsync();
        await using var _host = host;

        var queue = host.Storage.Queue(QueueNames.StatusMaintenance);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task The_window_starts_and_completes_on_its_messages_and_a_redelivery_changes_nothing()
    {
        var (host, componentId, window) = await ScheduleAsync();
        await using var _host = host;
        var advance = host.Services.GetRequiredService<AdvanceMaintenance>();

        await advance.HandleAsync(Message(window.Id, window.StartsAt));
        Assert.Equal(ComponentState.Operational, await StateAsync(host, componentId));

        host.Time!.Advance(TimeSpan.FromHours(1));
        await advance.HandleAsync(Message(window.Id, window.StartsAt));
        Assert.Equal(ComponentState.UnderMaintenance, await StateAsync(host, componentId));

        host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.False(await advance.AdvanceAsync(window.Id));
        await advance.HandleAsync(Message(window.Id, window.StartsAt));
        Assert.Equal(ComponentState.UnderMaintenance, await StateAsync(host, componentId));

        host.Time.Advance(TimeSpan.FromMinutes(30));
        await advance.HandleAsync(Message(window.Id, window.EndsAt));
        await advance.HandleAsync(Message(window.Id, window.EndsAt));
        Assert.Equal(ComponentState.Operational, await StateAsync(host, componentId));
        var stored = (await host.Services.GetRequiredService<StatusStore>().GetMaintenanceAsync(window.Id))!.Value.Maintenance;
        Assert.Equal(MaintenanceStatus.Completed, stored.Status);
    }

    [Fact]
    public async Task An_early_message_waits_again_and_changes_nothing()
    {
        var (host, componentId, window) = await ScheduleAsync();
        await using var _host = host;
        var queue = host.Storage.Queue(QueueNames.StatusMaintenance);
        await queue.ClearMessagesAsync();

        await host.Services.GetRequiredService<AdvanceMaintenance>().HandleAsync(Message(window.Id, window.StartsAt));

        Assert.Equal(ComponentState.Operational, await StateAsync(host, componentId));
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
