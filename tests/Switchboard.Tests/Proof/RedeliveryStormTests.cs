using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Events;
using Switchboard.Handlers.Inbound;
using Switchboard.Storage.Mail;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Proof;

/// <summary>
/// Queues deliver at least once. The same 40 messages (new conversations and replies in three threads) go through one
/// host delivered once, in a shuffled order (fixed seed), and through another with every <c>inbound-email</c> and <c>domain-events</c> queue
/// message handled two or three times, the copies shuffled among the rest: the inboxes, each conversation's messages, and
/// the mail the team is sent (new-conversation notifications) must be the same.
/// </summary>
public sealed class RedeliveryStormTests
{
    private const int Seed = 18;

    public static readonly string[] Fixtures =
    [
        .. Enumerable.Range(1, 20).Select(i => $"Threads/Long20/{i:00}.eml"),
        "Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml", "Threads/Gmail3/03-customer-reply.eml",
        "Threads/CcReply/01-customer.eml", "Threads/CcReply/02-support-reply.eml", "Threads/CcReply/03-cc-colleague-reply.eml",
        .. Directory.GetFiles(InboundDriver.Fixture("Clients"), "*.eml").Order(StringComparer.Ordinal).Take(14)
            .Select(f => "Clients/" + Path.GetFileName(f)),
    ];

    [Fact]
    public async Task Every_queue_message_delivered_two_or_three_times_in_any_order_changes_nothing()
    {
        Assert.True(Fixtures.Length >= 38, $"only {Fixtures.Length} fixtures");

        // Both hosts see the inbound mail in the same shuffled order; only the storm host sees each queue message two or
        // three times. So any difference is the redeliveries' doing, not the order's.
        await using var once = await TestHost.StartAsync(queuePump: false);
        var onceMail = new InboundDriver(once);
        await onceMail.DeliverAsync(Fixtures);
        await HandleAsync(once, QueueNames.InboundEmail, once.Services.GetRequiredService<ProcessInboundEmail>().HandleAsync, new Random(Seed), redeliver: false);
        await HandleAsync(once, QueueNames.DomainEvents, once.Services.GetRequiredService<DispatchDomainEvent>().HandleAsync, new Random(Seed + 1), redeliver: false);
        var expected = await SnapshotAsync(once, onceMail);

        await using var storm = await TestHost.StartAsync(queuePump: false);
        var stormMail = new InboundDriver(storm);
        await stormMail.DeliverAsync(Fixtures);
        var inbound = await HandleAsync(storm, QueueNames.InboundEmail, storm.Services.GetRequiredService<ProcessInboundEmail>().HandleAsync, new Random(Seed), redeliver: true);
        var events = await HandleAsync(storm, QueueNames.DomainEvents, storm.Services.GetRequiredService<DispatchDomainEvent>().HandleAsync, new Random(Seed + 1), redeliver: true);
        var actual = await SnapshotAsync(storm, stormMail);

        Assert.Equal(Fixtures.Length, inbound);
        Assert.True(events > 0, "no domain events were queued");
        Assert.True(expected.Conversations.Count >= 16, $"only {expected.Conversations.Count} conversations");
        Assert.True(expected.Notifications.Count > 0, "the single delivery notified no one: the comparison would prove nothing");
        Assert.Equal(expected.Conversations, actual.Conversations);
        Assert.Equal(expected.Notifications, actual.Notifications);
    }

    /// <summary>
    /// Takes every message off the queue, then handles each two or three times, all copies shuffled together (a
    /// redelivery may come before or after the first delivery of a later message); without <paramref name="redeliver"/>,
    /// only the first copy of each, in the same order. Returns how many messages there were.
    /// </summary>
    private static async Task<int> HandleAsync(TestHost host, string queueName, Func<string, CancellationToken, Task> handle, Random random, bool redeliver)
    {
        var queue = host.Storage.Queue(queueName);
        var messages = new List<QueueMessage>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } batch)
        {
            messages.AddRange(batch);
        }
        var deliveries = Enumerable.Range(0, messages.Count).SelectMany(i => Enumerable.Repeat(i, random.Next(2, 4))).ToArray();
        random.Shuffle(deliveries);
        foreach (var i in redeliver ? deliveries : deliveries.Distinct())
        {
            await handle(messages[i].Body.ToString(), CancellationToken.None);
        }
        foreach (var message in messages)
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
        return messages.Count;
    }

    public sealed record Snapshot(List<string> Conversations, List<string> Notifications);

    /// <summary>
    /// Each conversation as its subject, status and Message-IDs in order, sorted; and each mail the team was sent
    /// as recipient and subject, sorted. Conversation ids and times differ between hosts, so they are left out.
    /// </summary>
    public static async Task<Snapshot> SnapshotAsync(TestHost host, InboundDriver mail)
    {
        var conversations = new List<string>();
        foreach (var status in new[] { "open", "pending", "snoozed", "closed" })
        {
            foreach (var conversation in await mail.AllConversationsAsync(status))
            {
                conversations.Add($"{status} {conversation.Str("subject")}: "
                    + string.Join(" ", conversation.Messages().Select(m => m.Str("messageId"))));
            }
        }
        conversations.Sort(StringComparer.Ordinal);
        var sent = await host.Services.GetRequiredService<MailSinkStore>().ListAsync(1000);
        var notifications = sent.Select(m => $"{m.To} {m.Subject}").Order(StringComparer.Ordinal).ToList();
        return new Snapshot(conversations, notifications);
    }
}
