using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Threading;

/// <summary>Missing roots (ghost parents), header references over flags, and list mail treated as human mail.</summary>
public sealed class GhostAndListMailTests
{
    [Fact]
    public async Task Two_ticket_system_mails_sharing_only_a_ghost_reference_are_one_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        const string ghost = "RT-33575-1763283900-ticket@support.example";
        var autoReply = new ThreadMail("rt-33575-ack@support.example", "Example Support <rt@support.example>",
            "[support.example #33575] AutoReply: Export fails", ghost, [ghost]) { ExtraHeaders = "Auto-Submitted: auto-replied\r\nPrecedence: bulk\r\n" };
        var resolved = new ThreadMail("rt-33575-resolved@support.example", "Example Support <rt@support.example>",
            "[support.example #33575] Resolved: Export fails", ghost, [ghost]) { ExtraHeaders = "Auto-Submitted: auto-generated\r\n", Date = new(2026, 11, 18, 9, 0, 0, TimeSpan.Zero) };

        await mail.DeliverRawAsync(autoReply.ToBytes());
        await mail.ProcessQueuedAsync();
        await mail.DeliverRawAsync(resolved.ToBytes());
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal(2, conversation.Messages().Length);
        Assert.Equal("References", conversation.Messages()[1].Str("threadMatch"));
    }

    [Fact]
    public async Task Google_group_mail_is_flagged_list_not_automatic_and_threads_by_its_headers()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        const string group = "Precedence: list\r\nMailing-List: list support@acme.test; contact support+owners@acme.test\r\n" +
            "List-Id: <support.acme.test>\r\nList-Unsubscribe: <mailto:googlegroups-manage+1+unsubscribe@googlegroups.com>\r\n";
        var first = new ThreadMail("group-1@mail.example.org", "Ana Pereira <ana@example.org>", "Sync stuck at 99%", null, []) { ExtraHeaders = group };
        var second = new ThreadMail("group-2@mail.example.org", "Marco Rossi <marco@example.org>", "Re: Sync stuck at 99%", first.MessageId, [first.MessageId])
        {
            ExtraHeaders = group,
            Body = "Same here since this morning.",
        };

        await mail.DeliverRawAsync(first.ToBytes());
        await mail.DeliverRawAsync(second.ToBytes());
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal("open", conversation.Str("status"));
        Assert.All(conversation.Messages(), m =>
        {
            Assert.Contains("list", m.Flags());
            Assert.DoesNotContain("auto-reply", m.Flags());
        });
        Assert.Equal("References", conversation.Messages()[1].Str("threadMatch"));
    }

    [Fact]
    public async Task Automatic_mail_that_references_a_conversation_joins_it_whatever_its_flags()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var question = new ThreadMail("question@mail.example.org", "Ana Pereira <ana@example.org>", "Refund", null, []);
        var outOfOffice = new ThreadMail("ooo@mail.example.org", "Ana Pereira <ana@example.org>", "Automatic reply: Refund", question.MessageId, [question.MessageId])
        {
            ExtraHeaders = "Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: DR, OOF, AutoReply\r\n",
        };

        await mail.DeliverRawAsync(question.ToBytes());
        await mail.DeliverRawAsync(outOfOffice.ToBytes());
        await mail.ProcessQueuedAsync();

        var messages = (await mail.SingleConversationAsync()).Messages();
        Assert.Contains("auto-reply", messages[1].Flags());
        Assert.Equal("References", messages[1].Str("threadMatch"));
    }
}
