using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Inbound;
using Switchboard.Storage.Account;
using Switchboard.Tests.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Threading;

/// <summary>No split survives: a message that links two conversations folds the younger into the older, with everything in it.</summary>
public sealed class ThreadMergeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hundred_message_thread_with_thirty_people_delivered_shuffled_at_concurrency_eight_is_one_conversation(bool rootMissing)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var thread = ThreadMail.Conversation(count: 100, participants: 30, seed: rootMissing ? 11 : 7);
        var delivered = thread.Skip(rootMissing ? 1 : 0).ToList();

        await DeliverShuffledAsync(mail, delivered, seed: 3);
        await mail.ProcessQueuedConcurrentlyAsync(maxConcurrency: 8);

        var conversation = await mail.SingleConversationAsync();
        Assert.Equal(delivered.Select(m => m.MessageId).Order(), conversation.Messages().Select(m => m.Str("messageId")).Order());
        Assert.Equal(delivered.Count, (await mail.ListAsync("?status=open")).GetProperty("items")[0].GetProperty("messageCount").GetInt32());

        // Redelivered, again shuffled: nothing changes.
        await DeliverShuffledAsync(mail, delivered, seed: 5);
        await mail.ProcessQueuedConcurrentlyAsync(maxConcurrency: 8);
        Assert.Equal(delivered.Count, (await mail.SingleConversationAsync()).Messages().Length);
    }

    [Fact]
    public async Task Message_linking_two_conversations_folds_the_younger_with_its_notes_tags_and_assignee_and_the_old_id_keeps_working()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        var mail = toolkit.Mail;
        var older = new ThreadMail("older-root@mail.example.org", "Ana Pereira <ana@example.org>", "Invoice 2026-118", null, []);
        var younger = new ThreadMail("younger-root@mail.example.org", "Marco Rossi <marco@example.org>", "Re: Invoice 2026-118", "never-seen@mail.example.org", ["never-seen@mail.example.org"]);
        await mail.DeliverRawAsync(older.ToBytes());
        await mail.ProcessQueuedAsync();
        await mail.DeliverRawAsync(younger.ToBytes());
        await mail.ProcessQueuedAsync();
        var ids = await toolkit.IdsAsync("?status=open");
        Assert.Equal(2, ids.Count);
        var youngerId = (await mail.AllConversationsAsync()).Single(c => c.Messages()[0].Str("messageId") == younger.MessageId).Str("id");
        var olderId = ids.Single(id => id != youngerId);
        await toolkit.NoteAsync(youngerId, "Marco is the finance contact.");
        await toolkit.PatchAsync(youngerId, new { tags = new[] { "billing" }, assigneeId = await toolkit.FirstAdminIdAsync() });

        var linking = new ThreadMail("linking@mail.example.org", "Ana Pereira <ana@example.org>", "Re: Invoice 2026-118", younger.MessageId,
            [older.MessageId, younger.MessageId]);
        await mail.DeliverRawAsync(linking.ToBytes());
        await mail.ProcessQueuedAsync();

        var merged = await mail.SingleConversationAsync();
        Assert.Equal(olderId, merged.Str("id"));
        Assert.Equal([older.MessageId, younger.MessageId, linking.MessageId], merged.Messages().Where(m => m.Str("kind") == "email").Select(m => m.Str("messageId")));
        Assert.Contains(merged.Messages(), m => m.Str("kind") == "note" && m.Str("text").Contains("finance contact"));
        Assert.Equal(["billing"], merged.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(await toolkit.FirstAdminIdAsync(), merged.Str("assigneeId"));
        Assert.Contains(merged.GetProperty("participants").EnumerateArray(), p => p.Str("email") == "marco@example.org");

        var viaOldId = await mail.ConversationAsync(youngerId);
        Assert.Equal(olderId, viaOldId.Str("id"));
        Assert.Equal([olderId], await toolkit.IdsAsync("?status=open"));
        Assert.Equal([olderId], await toolkit.IdsAsync("?view=mine&status=open"));
    }

    [Fact]
    public async Task Merged_conversation_is_found_by_search_and_in_the_customer_history_once()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        var first = new ThreadMail("search-a@mail.example.org", "Ana Pereira <ana@example.org>", "Broken flux capacitor", "ghost-x@mail.example.org", ["ghost-x@mail.example.org"]);
        var second = new ThreadMail("search-b@mail.example.org", "Ana Pereira <ana@example.org>", "Wobbly gyroscope", "ghost-y@mail.example.org", ["ghost-y@mail.example.org"]);
        var linking = new ThreadMail("search-c@mail.example.org", "Ana Pereira <ana@example.org>", "Re: both", "search-b@mail.example.org",
            ["ghost-x@mail.example.org", "search-a@mail.example.org", "ghost-y@mail.example.org", "search-b@mail.example.org"]);
        foreach (var message in new[] { first, second, linking })
        {
            await mail.DeliverRawAsync(message.ToBytes());
            await mail.ProcessQueuedAsync();
        }

        var only = (await mail.SingleConversationAsync()).Str("id");
        var hits = await new Search.SearchDriver(host).SearchAsync("gyroscope");
        Assert.Equal([only], hits.GetProperty("items").EnumerateArray().Select(i => i.Str("id")));
        var customer = await (await mail.GetAsync("/api/customers/ana%40example.org")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([only], customer.GetProperty("conversations").EnumerateArray().Select(c => c.Str("id")));
    }

    [Fact]
    public async Task A_merge_that_fails_after_the_parent_was_stored_is_finished_by_the_parents_redelivery()
    {
        var outage = new FirstRequestFails(ReadsRowsToFoldIn, armed: true);
        await using var host = await TestHost.StartAsync(queuePump: false, services: s => s.AddSingleton<ClientOptionsHook>(outage.Attach));
        var mail = new InboundDriver(host);
        var root = new ThreadMail("redo-root@mail.example.org", "Ana Pereira <ana@example.org>", "Broken flux capacitor", null, []);
        var parent = new ThreadMail("redo-parent@mail.example.org", "Marco Rossi <marco@example.org>", "Re: Broken flux capacitor", root.MessageId, [root.MessageId]);
        var child = new ThreadMail("redo-child@mail.example.org", "Lucia Bianchi <lucia@example.org>", "Re: Broken flux capacitor", parent.MessageId, []);
        foreach (var message in new[] { root, child })
        {
            await mail.DeliverRawAsync(message.ToBytes());
            await mail.ProcessQueuedAsync();
        }
        Assert.Equal(2, (await mail.AllConversationsAsync()).Count); // the child came first and started its own

        await mail.DeliverRawAsync(parent.ToBytes());
        var queued = Assert.Single((await host.Storage.Queue(QueueNames.InboundEmail).ReceiveMessagesAsync(1)).Value).Body.ToString();
        var handler = host.Services.GetRequiredService<ProcessInboundEmail>();
        await Assert.ThrowsAnyAsync<Exception>(() => handler.HandleAsync(queued));
        Assert.True(outage.Failed);
        Assert.Equal(2, (await mail.AllConversationsAsync()).Count); // stored, but the merge did not happen

        await handler.HandleAsync(queued); // the queue's retry: a duplicate now, which still links the two
        var merged = await mail.SingleConversationAsync();
        Assert.Equal(new[] { root.MessageId, parent.MessageId, child.MessageId }.Order(), merged.Messages().Select(m => m.Str("messageId")).Order());
        Assert.Equal(3, (await mail.ListAsync("?status=open")).GetProperty("items")[0].GetProperty("messageCount").GetInt32());
    }

    [Fact]
    public async Task A_merge_cut_off_after_marking_the_younger_is_finished_by_the_redelivery_and_the_inbox_lists_one()
    {
        var outage = new FirstRequestFails(request => request.Method == RequestMethod.Delete
            && Uri.UnescapeDataString(request.Uri.ToString()).Contains(StorageLayout.InboxIndexTable, StringComparison.Ordinal));
        await using var host = await TestHost.StartAsync(queuePump: false, services: s => s.AddSingleton<ClientOptionsHook>(outage.Attach));
        var mail = new InboundDriver(host);
        var older = new ThreadMail("cut-older@mail.example.org", "Ana Pereira <ana@example.org>", "Invoice 2026-118", null, []);
        var younger = new ThreadMail("cut-younger@mail.example.org", "Marco Rossi <marco@example.org>", "Re: Invoice 2026-118", "cut-unseen@mail.example.org", ["cut-unseen@mail.example.org"]);
        foreach (var message in new[] { older, younger })
        {
            await mail.DeliverRawAsync(message.ToBytes());
            await mail.ProcessQueuedAsync();
        }
        Assert.Equal(2, (await mail.AllConversationsAsync()).Count);

        var linking = new ThreadMail("cut-linking@mail.example.org", "Ana Pereira <ana@example.org>", "Re: Invoice 2026-118", younger.MessageId,
            [older.MessageId, younger.MessageId]);
        await mail.DeliverRawAsync(linking.ToBytes());
        var queued = Assert.Single((await host.Storage.Queue(QueueNames.InboundEmail).ReceiveMessagesAsync(1)).Value).Body.ToString();
        var handler = host.Services.GetRequiredService<ProcessInboundEmail>();
        outage.Armed = true; // the merge marks the younger an alias, then the removal of its inbox rows fails
        await Assert.ThrowsAnyAsync<Exception>(() => handler.HandleAsync(queued));
        Assert.True(outage.Failed);
        Assert.Equal(2, (await mail.ListAsync("?status=open")).GetProperty("items").GetArrayLength()); // the alias still listed

        await handler.HandleAsync(queued); // the queue's retry: a duplicate now, whose threading meets the alias
        var merged = await mail.SingleConversationAsync();
        Assert.Equal([older.MessageId, younger.MessageId, linking.MessageId], merged.Messages().Select(m => m.Str("messageId")));
    }

    /// <summary>The first merge's read of the rows to fold in.</summary>
    private static bool ReadsRowsToFoldIn(Request request)
    {
        var uri = Uri.UnescapeDataString(request.Uri.ToString());
        return uri.Contains(StorageLayout.ConversationsTable, StringComparison.Ordinal) && uri.Contains("RowKey ne 'conversation'", StringComparison.Ordinal);
    }

    private static async Task DeliverShuffledAsync(InboundDriver mail, List<ThreadMail> messages, int seed)
    {
        foreach (var message in messages.OrderBy(_ => 0).ToList().Shuffled(seed))
        {
            var response = await mail.PostMimeAsync(message.ToBytes());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }
}

internal static class ShuffleExtensions
{
    public static List<T> Shuffled<T>(this List<T> items, int seed)
    {
        var copy = items.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(copy));
        return copy;
    }
}
