using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Account;
using Switchboard.Storage.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

/// <summary>The threading headers of a reply come from what was kept when the customer's mail arrived.</summary>
public sealed class ReplyThreadingHeadersTests
{
    private const string OutlookThreadIndex = "AQHcqlc1r0XbBqD2QkK4m1sUYcJ5kQAbc0Wg";

    [Fact]
    public async Task A_reply_to_an_Outlook_customer_continues_their_Thread_Index_without_reading_their_raw_mail()
    {
        var counter = new StorageTransactionCounter();
        await using var host = await TestHost.StartAsync(queuePump: false, services: s => s.AddSingleton<ClientOptionsHook>(counter.Attach));
        var agent = new ReplyDriver(host);
        await agent.Mail.DeliverAsync("Clients/outlook-desktop-reply.eml");
        await agent.Mail.ProcessQueuedAsync();
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");
        await agent.ReplyAcceptedAsync(id, new { text = "Noted." });

        counter.Reset();
        await agent.DeliverQueuedAsync();

        Assert.DoesNotContain($"GET {new StorageNames(host.Prefix).Container(StorageLayout.MailContainer)}", counter.Requests);
        AssertContinues(Convert.FromBase64String(OutlookThreadIndex), await SentThreadIndexAsync(agent));
    }

    [Fact]
    public async Task A_message_stored_before_Thread_Index_was_kept_still_gets_it_from_the_raw_mail()
    {
        var counter = new StorageTransactionCounter();
        await using var host = await TestHost.StartAsync(queuePump: false, services: s => s.AddSingleton<ClientOptionsHook>(counter.Attach));
        var agent = new ReplyDriver(host);
        await agent.Mail.DeliverAsync("Clients/outlook-desktop-reply.eml");
        await agent.Mail.ProcessQueuedAsync();
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");
        await ForgetKeptHeadersAsync(host, id);

        await agent.ReplyAcceptedAsync(id, new { text = "Noted." });
        counter.Reset();
        await agent.DeliverQueuedAsync();

        Assert.Contains($"GET {new StorageNames(host.Prefix).Container(StorageLayout.MailContainer)}", counter.Requests);
        AssertContinues(Convert.FromBase64String(OutlookThreadIndex), await SentThreadIndexAsync(agent));
    }

    [Fact]
    public async Task A_reply_names_the_customers_whole_thread_in_References_even_where_it_began_elsewhere()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var agent = new ReplyDriver(host);
        var customer = new TestEmail(ReplyDriver.Customer, "support@acme.test", "Re: Printer jams", "Copying support in.")
        {
            InReplyTo = "thread-start@colleague.example.com",
        };
        var id = await agent.StartConversationAsync(email: customer);

        await agent.ReplyAcceptedAsync(id, new { text = "We are on it." });
        await agent.DeliverQueuedAsync();

        var headers = Assert.Single(await agent.SinkAsync(), m => m.Str("subject") == "Re: Printer jams").GetProperty("headers");
        Assert.Equal($"<{customer.MessageId}>", headers.Str("In-Reply-To"));
        Assert.Equal($"<thread-start@colleague.example.com> <{customer.MessageId}>", headers.Str("References"));
    }

    private static async Task<byte[]> SentThreadIndexAsync(ReplyDriver agent)
    {
        var mail = Assert.Single(await agent.SinkAsync(), m => m.Str("subject").StartsWith("Re: ", StringComparison.Ordinal));
        return Convert.FromBase64String(mail.GetProperty("headers").Str("Thread-Index"));
    }

    private static void AssertContinues(byte[] customers, byte[] ours)
    {
        Assert.Equal(customers.Length + 5, ours.Length);
        Assert.Equal(customers, ours[..customers.Length]);
    }

    /// <summary>Makes the customer's message row look like one written before the headers were kept on it.</summary>
    private static async Task ForgetKeptHeadersAsync(TestHost host, string conversationId)
    {
        var table = host.Storage.Table(StorageLayout.ConversationsTable);
        await foreach (var row in table.QueryAsync<MessageEntity>(m => m.PartitionKey == conversationId && m.RowKey.CompareTo("m") >= 0 && m.RowKey.CompareTo("n") < 0))
        {
            Assert.Equal(OutlookThreadIndex, row.ThreadIndex);
            (row.ThreadIndex, row.References) = (null, null);
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }
    }
}
