using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Threading;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Threading;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound;

public sealed class ThreadingEdgeTests
{
    [Fact]
    public async Task Reply_to_the_secret_reply_address_threads_even_without_headers_or_subject()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await mail.ProcessQueuedAsync();
        var replyAddress = (await mail.SingleConversationAsync()).Str("replyAddress");

        await mail.PostMimeAsync(new TestEmail("Ticketing Bot <bot@tools.example.net>", replyAddress, "Status update from our system").ToBytes());
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Matches("^support\\+[a-z2-9]{16}@acme.test$", replyAddress);
        Assert.Equal("ReplyAddress", conversation.Messages()[1].Str("threadMatch"));
    }

    [Fact]
    public async Task Guessable_ticket_number_in_the_subject_never_threads_another_sender()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.PostMimeAsync(new TestEmail("Ana <ana@example.com>", "support@acme.test", "[#1234] Printer broken").ToBytes());
        await mail.PostMimeAsync(new TestEmail("Mallory <mallory@example.org>", "support@acme.test", "Re: [#1234] Printer broken").ToBytes());
        await mail.ProcessQueuedAsync();

        Assert.Equal(2, (await mail.AllConversationsAsync()).Count);
    }

    [Fact]
    public async Task Replies_to_a_broadcast_get_a_conversation_per_sender()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        const string broadcast = "sb.status.7f3a@mail.acme.test";
        await host.Services.GetRequiredService<ThreadKeyStore>().RegisterAsync(ThreadKey.ForMessageId(broadcast), "", ThreadKeyRole.Broadcast);

        await mail.PostMimeAsync(new TestEmail("Ana <ana@example.com>", "support@acme.test", "Re: Scheduled maintenance") { InReplyTo = broadcast }.ToBytes());
        await mail.PostMimeAsync(new TestEmail("Bo <bo@example.org>", "support@acme.test", "Re: Scheduled maintenance") { InReplyTo = broadcast }.ToBytes());
        await mail.PostMimeAsync(new TestEmail("Ana <ana@example.com>", "support@acme.test", "Re: Scheduled maintenance", "One more thing") { InReplyTo = broadcast }.ToBytes());
        await mail.ProcessQueuedAsync();

        var conversations = await mail.AllConversationsAsync();
        Assert.Equal(2, conversations.Count);
        Assert.Equal(2, conversations.Single(c => c.GetProperty("customer").Str("email") == "ana@example.com").Messages().Length);
    }

    [Fact]
    public async Task Reply_to_a_conversation_closed_longer_than_the_window_starts_a_new_one_linking_it()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml");
        await mail.ProcessQueuedAsync();
        var old = (await mail.SingleConversationAsync()).Str("id");
        await CloseAsync(host, old, closedAt: DateTimeOffset.UtcNow.AddDays(-8));

        await mail.DeliverAsync("Threads/Gmail3/03-customer-reply.eml");
        await mail.ProcessQueuedAsync();

        var reopened = Assert.Single(await mail.AllConversationsAsync("open"));
        Assert.NotEqual(old, reopened.Str("id"));
        Assert.Equal(old, reopened.Str("linkedConversationId"));
    }

    [Fact]
    public async Task Reply_to_a_recently_closed_conversation_reopens_it()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml");
        await mail.ProcessQueuedAsync();
        var id = (await mail.SingleConversationAsync()).Str("id");
        await CloseAsync(host, id, closedAt: DateTimeOffset.UtcNow.AddDays(-1));

        await mail.DeliverAsync("Threads/Gmail3/03-customer-reply.eml");
        await mail.ProcessQueuedAsync();

        var conversation = await mail.ConversationAsync(id);
        Assert.Equal("open", conversation.Str("status"));
        Assert.Equal(3, conversation.Messages().Length);
    }

    /// <summary>Closes a conversation at a time in the past (the API closes it now).</summary>
    private static Task CloseAsync(TestHost host, string id, DateTimeOffset closedAt) =>
        host.Services.GetRequiredService<ConversationUpdater>().UpdateAsync(id, conversation =>
        {
            conversation.Close(closedAt);
            return ConversationEdit.HeadOnly;
        });
}
