using System.Net;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Conversations;

/// <summary>Snoozes wake on time from their delayed queue message; the hourly timer is only the safety net.</summary>
public sealed class SnoozeAlarmTests
{
    [Fact]
    public async Task A_snoozed_conversation_wakes_on_time_without_waiting_for_the_hourly_sweep()
    {
        // The real clock and queue pump: nothing but the delayed message can wake it within the minute.
        await using var host = await TestHost.StartAsync();
        var toolkit = new ToolkitDriver(host);
        var posted = await toolkit.Mail.PostMimeAsync(new TestEmail("Ana <ana@example.com>", "support@acme.test", "Printer on fire", "It is on fire.").ToBytes());
        Assert.True(posted.IsSuccessStatusCode);
        string? id = null;
        Assert.True(await Eventually.TrueAsync(async () =>
            (id = (await toolkit.Mail.ListAsync("?status=open")).GetProperty("items").EnumerateArray().Select(i => i.Str("id")).FirstOrDefault()) is not null));
        var until = DateTimeOffset.UtcNow.AddSeconds(3);

        var snoozed = await toolkit.PatchAsync(id!, new { status = "snoozed", snoozedUntil = until });
        Assert.Equal(HttpStatusCode.OK, snoozed.StatusCode);
        Assert.Equal("snoozed", (await toolkit.Mail.ConversationAsync(id!)).Str("status"));

        Assert.True(await Eventually.TrueAsync(async () => (await toolkit.Mail.ConversationAsync(id!)).Str("status") == "open", TimeSpan.FromSeconds(15)),
            "The conversation did not wake within 15 s of its snooze ending.");
        Assert.True(DateTimeOffset.UtcNow >= until.AddSeconds(-1), "It woke before its time.");
    }
}
