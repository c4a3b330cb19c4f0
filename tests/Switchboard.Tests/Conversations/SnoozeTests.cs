using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Conversations;
using Switchboard.Storage.Events;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Conversations;

public sealed class SnoozeTests
{
    [Fact]
    public async Task Snoozed_conversation_wakes_up_open_when_its_time_comes()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();
        var timer = host.Services.GetRequiredService<WakeSnoozedConversations>();

        var snoozed = await toolkit.PatchAsync(id, new { status = "snoozed", snoozedUntil = host.Time!.GetUtcNow().AddHours(2) });
        Assert.Equal(HttpStatusCode.OK, snoozed.StatusCode);
        Assert.DoesNotContain(id, await toolkit.IdsAsync("?status=open"));
        Assert.Contains(id, await toolkit.IdsAsync("?status=snoozed"));

        host.Time.Advance(TimeSpan.FromMinutes(119));
        await timer.RunAsync();
        Assert.Equal("snoozed", (await toolkit.Mail.ConversationAsync(id)).Str("status"));

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await timer.RunAsync();
        var woken = await toolkit.Mail.ConversationAsync(id);
        Assert.Equal("open", woken.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, woken.GetProperty("snoozedUntil").ValueKind);
        Assert.Contains(id, await toolkit.IdsAsync("?status=open"));
        Assert.DoesNotContain(id, await toolkit.IdsAsync("?status=snoozed"));

        await toolkit.Mail.ProcessQueuedAsync();
        var events = await host.Services.GetRequiredService<ActivityLog>().ReadDayAsync(DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime));
        Assert.Contains(events, e => e.GetString("Type") == "conversation-woke" && e.GetString("ConversationId") == id);
    }

    [Fact]
    public async Task Conversation_set_pending_before_its_snooze_ends_is_not_woken()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();
        await toolkit.PatchAsync(id, new { status = "snoozed", snoozedUntil = host.Time!.GetUtcNow().AddHours(2) });

        host.Time.Advance(TimeSpan.FromHours(1));
        await toolkit.PatchAsync(id, new { status = "pending" });
        host.Time.Advance(TimeSpan.FromHours(2));
        await host.Services.GetRequiredService<WakeSnoozedConversations>().RunAsync();

        Assert.Equal("pending", (await toolkit.Mail.ConversationAsync(id)).Str("status"));
        Assert.Contains(id, await toolkit.IdsAsync("?status=pending"));
    }

    [Fact]
    public async Task Snoozed_again_later_wakes_at_the_new_time_only()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();
        var start = host.Time!.GetUtcNow();
        await toolkit.PatchAsync(id, new { status = "snoozed", snoozedUntil = start.AddHours(1) });
        await toolkit.PatchAsync(id, new { status = "snoozed", snoozedUntil = start.AddHours(3) });
        var timer = host.Services.GetRequiredService<WakeSnoozedConversations>();

        host.Time.Advance(TimeSpan.FromHours(2));
        await timer.RunAsync();
        Assert.Equal("snoozed", (await toolkit.Mail.ConversationAsync(id)).Str("status"));

        host.Time.Advance(TimeSpan.FromHours(1));
        await timer.RunAsync();
        Assert.Equal("open", (await toolkit.Mail.ConversationAsync(id)).Str("status"));
    }

    [Fact]
    public async Task Customer_message_wakes_a_snoozed_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        var first = new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Printer on fire", "It is on fire.");
        await toolkit.Mail.PostMimeAsync(first.ToBytes());
        await toolkit.Mail.ProcessQueuedAsync();
        var id = Assert.Single(await toolkit.IdsAsync(""));
        await toolkit.PatchAsync(id, new { status = "snoozed", snoozedUntil = host.Time!.GetUtcNow().AddDays(1) });

        var reply = new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Re: Printer on fire", "Still burning.") { InReplyTo = first.MessageId };
        await toolkit.Mail.PostMimeAsync(reply.ToBytes());
        await toolkit.Mail.ProcessQueuedAsync();

        var conversation = await toolkit.Mail.ConversationAsync(id);
        Assert.Equal("open", conversation.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, conversation.GetProperty("snoozedUntil").ValueKind);
        Assert.Equal([id], await toolkit.IdsAsync("?status=open"));
        Assert.Empty(await toolkit.IdsAsync("?status=snoozed"));

        // The wake-up left behind is stale: the timer neither fails nor changes the conversation.
        await toolkit.PatchAsync(id, new { status = "pending" });
        host.Time.Advance(TimeSpan.FromDays(2));
        await host.Services.GetRequiredService<WakeSnoozedConversations>().RunAsync();
        Assert.Equal("pending", (await toolkit.Mail.ConversationAsync(id)).Str("status"));
    }
}
