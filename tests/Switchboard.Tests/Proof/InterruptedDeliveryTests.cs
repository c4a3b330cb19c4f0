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

    private sealed class NothingWrittenLookup(ThreadKeyStore threadKeys) : IThreadLookup
    {
        public Task<ThreadKeyTarget?> FindAsync(ThreadKey key, CancellationToken cancellationToken = default) => threadKeys.FindAsync(key, cancellationToken);

        public Task<ConversationState?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ConversationState?>(null);
    }
}
