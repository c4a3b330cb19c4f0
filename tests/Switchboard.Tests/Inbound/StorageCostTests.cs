using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Tests.Inbound;

/// <summary>
/// What one email costs in storage transactions, the main running cost of Switchboard (docs/storage.md).
/// Counted from the webhook's request to the last write of processing, with the queue handler run directly.
/// </summary>
public sealed class StorageCostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_reply_in_an_existing_conversation_costs_at_most_fifteen_storage_transactions_plus_one_per_search_term()
    {
        var counter = new StorageTransactionCounter();
        await using var host = await TestHost.StartAsync(queuePump: false, services: s => s.AddSingleton<ClientOptionsHook>(counter.Attach));
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml", "Threads/Gmail3/02-support-reply.eml");
        await mail.ProcessQueuedAsync();

        counter.Reset();
        await mail.DeliverAsync("Threads/Gmail3/03-customer-reply.eml");
        await mail.ProcessInboundOnlyAsync(countQueueHousekeeping: false);

        output.WriteLine(string.Join(Environment.NewLine, counter.Requests));
        var indexing = counter.Requests.Where(r => r.Contains(StorageLayout.SearchIndexTable, StringComparison.Ordinal)).ToList();
        // 11th: the assignee view's InboxIndex row; 12th: the customer's last contact; 13th-14th: every parent and the
        // message's own Message-ID are looked up (point reads), so a message linking two conversations is noticed; 15th:
        // the head read again after the write, so inbox rows a concurrent write or a merge made stale are settled.
        Assert.InRange(counter.Count - indexing.Count, 1, 15);
        // The search index: one read of the conversation's term set, then one upsert per distinct term the conversation
        // did not have yet and one of the set (docs/storage.md, SearchIndex), bounded.
        Assert.InRange(indexing.Count, 1, Switchboard.Storage.Search.ConversationIndexer.MaxTermsPerItem + 2);
        Assert.Single(indexing, r => r.StartsWith("GET ", StringComparison.Ordinal));
        Assert.All(indexing.Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)), r => Assert.StartsWith("PUT ", r));
    }
}
