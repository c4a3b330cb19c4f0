using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound;

public sealed class ThreadingTests
{
    [Fact]
    public async Task Gmail_exchange_threads_into_one_conversation_with_quotes_removed()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml", "Threads/Gmail3/03-customer-reply.eml");
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal("Dashboard shows no data for March", conversation.Str("subject"));
        Assert.Equal("ana.pereira@example.com", conversation.GetProperty("customer").Str("email"));
        var messages = conversation.Messages();
        Assert.Equal(3, messages.Length);
        Assert.Equal(["inbound", "outbound", "inbound"], messages.Select(m => m.Str("direction")));
        Assert.DoesNotContain("wrote:", messages[2].Str("visibleText"));
        Assert.Contains("wrote:", messages[2].Str("text"));
    }

    [Fact]
    public async Task Outlook_replies_without_references_thread_by_thread_index()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync("Threads/OutlookNoReferences/01-customer.eml", "Threads/OutlookNoReferences/02-customer-followup.eml", "Threads/OutlookNoReferences/03-customer-update.eml");
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal(3, conversation.Messages().Length);
    }

    [Fact]
    public async Task Reply_from_a_cc_colleague_joins_as_a_flagged_participant_and_never_replaces_the_customer()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync("Threads/CcReply/01-customer.eml", "Threads/CcReply/02-support-reply.eml", "Threads/CcReply/03-cc-colleague-reply.eml");
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal("ana.pereira@example.com", conversation.GetProperty("customer").Str("email"));
        var marco = conversation.GetProperty("participants").EnumerateArray().Single(p => p.Str("email") == "marco.rossi@example.com");
        Assert.True(marco.GetProperty("flagged").GetBoolean());
        Assert.Contains("new-participant", conversation.Messages().Last().Flags());
    }

    [Fact]
    public async Task Reply_without_threading_headers_joins_by_subject_from_the_same_sender()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync("Threads/SubjectOnly/01-customer.eml", "Threads/SubjectOnly/02-same-sender-no-headers.eml");
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal(2, conversation.Messages().Length);
        Assert.Equal("Subject", conversation.Messages()[1].Str("threadMatch"));
    }

    [Fact]
    public async Task Same_subject_from_a_different_sender_starts_its_own_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync("Threads/DifferentSenderSameSubject/01-customer-a.eml", "Threads/DifferentSenderSameSubject/02-customer-b.eml");
        await mail.ProcessQueuedAsync();

        var conversations = await mail.AllConversationsAsync();
        Assert.Equal(2, conversations.Count);
        Assert.Equal(["ana.pereira@example.com", "diego.ramos@example.net"],
            conversations.Select(c => c.GetProperty("customer").Str("email")).Order());
    }

    [Fact]
    public async Task Twenty_message_thread_delivered_shuffled_is_one_conversation_in_date_order()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var files = Enumerable.Range(1, 20).Select(i => $"Threads/Long20/{i:D2}.eml").ToArray();

        var shuffled = files.ToArray();
        new Random(20).Shuffle(shuffled);
        await mail.DeliverAsync(shuffled);
        await mail.ProcessQueuedAsync();

        var conversation = await mail.SingleConversationAsync();
        var messages = conversation.Messages();
        Assert.Equal(20, messages.Length);
        var sentAt = messages.Select(m => m.GetProperty("sentAt").GetDateTimeOffset()).ToList();
        Assert.Equal(sentAt.Order(), sentAt);
    }

    [Fact]
    public async Task Twenty_message_thread_processed_all_at_once_is_still_one_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);

        await mail.DeliverAsync([.. Enumerable.Range(1, 20).Select(i => $"Threads/Long20/{i:D2}.eml").Reverse()]);
        await mail.ProcessQueuedConcurrentlyAsync();

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal(20, conversation.Messages().Length);
        Assert.Equal(20, conversation.GetProperty("messages").GetArrayLength());
    }
}
