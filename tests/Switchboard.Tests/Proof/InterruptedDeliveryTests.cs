using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound;
using Switchboard.Core.Threading;
using Switchboard.Storage.Threading;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Proof;

/// <summary>
/// A host killed while handling a new customer's first message leaves its thread keys claimed for a conversation that
/// was never written. The redelivered message must store itself at once, not wait for that conversation (its own):
/// waiting would burn its retries and send acknowledged mail to the poison queue.
/// </summary>
public sealed class InterruptedDeliveryTests
{
    [Fact]
    public async Task A_first_message_whose_delivery_died_after_claiming_its_keys_is_stored_when_redelivered()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var raw = InboundDriver.FixtureBytes("Threads/Gmail3/01-customer.eml");
        await mail.DeliverRawAsync(raw);
        var email = MailParser.Parse(raw);
        var (mailbox, tokens) = host.Services.GetRequiredService<Mailboxes>().Route([], email.To, email.Cc);
        var threadKeys = host.Services.GetRequiredService<ThreadKeyStore>();
        var start = Assert.IsType<ThreadDecision.New>(await host.Services.GetRequiredService<ThreadResolver>()
            .ResolveAsync(new IncomingMessage(email, mailbox, tokens, false), new NothingWrittenLookup(threadKeys)));
        Assert.Null(await threadKeys.ClaimAsync(start.Claims, start.ConversationId)); // ...and the host dies here

        await mail.ProcessQueuedAsync(); // the redelivery, seconds later

        var message = Assert.Single((await mail.SingleConversationAsync()).Messages());
        Assert.Equal(email.MessageId, message.Str("messageId"));
    }

    /// <summary>
    /// What split a thread in StorageDownTests and hid mail in CrashTests: a reply's delivery died after claiming its
    /// parent's key (the first of its claims) for the conversation it meant to start; meanwhile its own reply started
    /// a conversation and took the reply's key. The redelivered reply joins that conversation and must take the parent's
    /// key over from the conversation never written: else the parent, arriving last, waits for it, then starts alone.
    /// </summary>
    [Fact]
    public async Task A_reply_whose_delivery_died_after_claiming_its_parent_leaves_no_claim_that_splits_the_thread()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var emails = StorageDownTests.Threads(threads: 1, perThread: 3);
        var (first, reply, replyToReply) = (emails[0], emails[1], emails[2]);
        var threadKeys = host.Services.GetRequiredService<ThreadKeyStore>();
        var resolver = host.Services.GetRequiredService<ThreadResolver>();
        var parsed = MailParser.Parse(reply.ToBytes());
        var (mailbox, tokens) = host.Services.GetRequiredService<Mailboxes>().Route([], parsed.To, parsed.Cc);
        var start = Assert.IsType<ThreadDecision.New>(await resolver.ResolveAsync(new IncomingMessage(parsed, mailbox, tokens, false), new NothingWrittenLookup(threadKeys)));
        Assert.Equal(ThreadKey.ForMessageId(first.MessageId), start.Claims[0]);
        Assert.Null(await threadKeys.ClaimAsync([start.Claims[0]], start.ConversationId)); // ...and the host dies here

        await mail.DeliverRawAsync(replyToReply.ToBytes());
        await mail.ProcessQueuedAsync(); // starts a conversation, taking the reply's key
        await mail.DeliverRawAsync(reply.ToBytes());
        await mail.ProcessQueuedAsync(); // the reply's redelivery
        await mail.DeliverRawAsync(first.ToBytes());
        await mail.ProcessQueuedAsync(); // the first message, refused earlier, posted again

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal([first.MessageId, reply.MessageId, replyToReply.MessageId], conversation.Messages().Select(m => m.Str("messageId")));
    }

    /// <summary>
    /// The same found by CrashTests, where the redelivered message joins by subject: the last reply's delivery died
    /// after claiming its parent's key and its own; redelivered, it joins the first message's conversation by subject.
    /// It must take its parent's key along, or the parent, arriving later, waits for a conversation never written.
    /// </summary>
    [Fact]
    public async Task A_reply_that_joins_by_subject_after_its_delivery_died_takes_its_claims_along()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var emails = StorageDownTests.Threads(threads: 1, perThread: 4);
        var last = emails[3];
        var threadKeys = host.Services.GetRequiredService<ThreadKeyStore>();
        var parsed = MailParser.Parse(last.ToBytes());
        var (mailbox, tokens) = host.Services.GetRequiredService<Mailboxes>().Route([], parsed.To, parsed.Cc);
        var start = Assert.IsType<ThreadDecision.New>(await host.Services.GetRequiredService<ThreadResolver>()
            .ResolveAsync(new IncomingMessage(parsed, mailbox, tokens, false), new NothingWrittenLookup(threadKeys)));
        Assert.Null(await threadKeys.ClaimAsync(start.Claims, start.ConversationId)); // ...and the host dies here

        foreach (var email in new[] { emails[0], last, emails[2], emails[1] }) // the first, the redelivery, then the two others
        {
            await mail.DeliverRawAsync(email.ToBytes());
            await mail.ProcessQueuedAsync();
        }

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal(emails.Select(e => e.MessageId), conversation.Messages().Select(m => m.Str("messageId")));
    }

    private sealed class NothingWrittenLookup(ThreadKeyStore threadKeys) : IThreadLookup
    {
        public Task<ThreadKeyTarget?> FindAsync(ThreadKey key, CancellationToken cancellationToken = default) => threadKeys.FindAsync(key, cancellationToken);

        public Task<ConversationState?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ConversationState?>(null);
    }
}
