using System.Text;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound;

public sealed class LoopsAndBouncesTests
{
    [Fact]
    public async Task Bounce_of_our_reply_lands_in_that_conversation_flagged_and_does_not_reopen_it_as_customer_mail()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml");

        await mail.PostMimeAsync(Bounce(of: "sb.reply.G3-02@mail.acme.test"));
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        var bounce = conversation.Messages().Single(m => m.Flags().Contains("bounce"));
        Assert.Equal("Bounce", bounce.Str("threadMatch"));
        Assert.Contains("auto-reply", bounce.Flags());
    }

    [Fact]
    public async Task Bounce_of_a_message_we_sent_outside_any_conversation_creates_no_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        var response = await mail.PostMimeAsync(Bounce(of: "sb.notify.4f2a9c@mail.acme.test"));
        await mail.ProcessQueuedAsync();

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(await mail.AllConversationsAsync());
    }

    [Fact]
    public async Task Automatic_mail_from_one_sender_on_one_day_is_one_conversation_not_a_flood()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var outOfOffice = Encoding.UTF8.GetString(InboundDriver.FixtureBytes("Auto/vacation-x-autoreply.eml"));

        for (var i = 0; i < 5; i++)
        {
            await mail.PostMimeAsync(Encoding.UTF8.GetBytes(outOfOffice.Replace("vacation.20260316.0900@example.org", $"vacation-{i}@example.org")));
        }
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal(5, conversation.Messages().Length);
        Assert.All(conversation.Messages(), m => Assert.Contains("auto-reply", m.Flags()));
    }

    [Fact]
    public async Task Our_own_mail_coming_back_is_flagged_and_threads_without_reopening()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml");
        await mail.ProcessQueuedAsync();

        var ours = (await mail.SingleConversationAsync()).Messages()[1];
        Assert.Contains("own-message", ours.Flags());
        Assert.Equal("outbound", ours.Str("direction"));
    }

    /// <summary>The DSN fixture, reporting the failure of the message with the given Message-ID.</summary>
    private static byte[] Bounce(string of) => Encoding.UTF8.GetBytes(
        Encoding.UTF8.GetString(InboundDriver.FixtureBytes("Auto/bounce-dsn.eml")).Replace("sb.reply.01HXYZ@mail.switchboard.test", of));
}
