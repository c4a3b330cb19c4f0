using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Inbound;
using Switchboard.Storage.Account;
using Switchboard.Storage.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Conversations;

/// <summary>
/// Two writers of one conversation write its head in turn, but move its inbox rows unordered. Here a customer's mail is
/// written first and its inbox rows land last, after an agent assigned the conversation: the inbox must still show the
/// conversation as assigned, and nowhere as unassigned. (Found by the Azurite-restart proof: a row left behind like
/// this outlived a merge and showed a merged conversation twice.)
/// </summary>
public sealed class InboxRaceTests
{
    [Fact]
    public async Task Mail_whose_inbox_rows_land_after_an_assignment_leaves_the_conversation_assigned_and_not_in_unassigned()
    {
        var gate = new InboxMoveGate();
        await using var host = await TestHost.StartAsync(queuePump: false, services: s => s.AddSingleton<ClientOptionsHook>(gate.Attach));
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync("Printer on fire", "Ana Pereira <ana@example.com>");
        var admin = await toolkit.FirstAdminIdAsync();

        Assert.True((await toolkit.Mail.PostMimeAsync(
            new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Re: Printer on fire", "Now the scanner too.").ToBytes())).IsSuccessStatusCode);
        var queued = Assert.Single((await host.Storage.Queue(QueueNames.InboundEmail).ReceiveMessagesAsync(1)).Value).Body.ToString();
        gate.Armed = true;
        var mail = host.Services.GetRequiredService<ProcessInboundEmail>().HandleAsync(queued);
        await gate.Held.WaitAsync(TimeSpan.FromSeconds(30)); // the reply's head is written; its inbox rows wait

        Assert.True((await toolkit.PatchAsync(id, new { assigneeId = admin })).IsSuccessStatusCode);
        gate.Release();
        await mail;

        Assert.DoesNotContain(id, await toolkit.IdsAsync("?view=unassigned&status=open"));
        Assert.Contains(id, await toolkit.IdsAsync("?view=mine&status=open"));
        var listed = await toolkit.ItemAsync("?status=open", id);
        Assert.Equal(admin, listed.Str("assigneeId"));
        Assert.Equal(2, listed.GetProperty("messageCount").GetInt32());
        var rows = await InboxRowsAsync(host, id);
        Assert.Equal(3, rows.Count); // one per way the inbox is cut: mailbox, all mailboxes, assignee
    }

    [Fact]
    public async Task A_redelivery_repairing_the_inbox_rows_while_newer_mail_is_written_leaves_one_row_per_view()
    {
        var gate = new InboxMoveGate();
        var searchDown = new FirstRequestFails(request => request.Uri.ToString().Contains(StorageLayout.SearchIndexTable, StringComparison.Ordinal));
        await using var host = await TestHost.StartAsync(queuePump: false, services: s => s.AddSingleton<ClientOptionsHook>(options =>
        {
            gate.Attach(options);
            searchDown.Attach(options);
        }));
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync("Printer on fire", "Ana Pereira <ana@example.com>");
        var handler = host.Services.GetRequiredService<ProcessInboundEmail>();

        // The first delivery of a reply stores it and moves the inbox rows, then storage fails (search indexing).
        var reply = await QueueReplyAsync(host, toolkit, "Now the scanner too.");
        searchDown.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => handler.HandleAsync(reply));
        // Its redelivery repairs the inbox rows from the head it read; they land after a newer reply was written.
        gate.Armed = true;
        var redelivery = handler.HandleAsync(reply);
        await gate.Held.WaitAsync(TimeSpan.FromSeconds(30));
        await handler.HandleAsync(await QueueReplyAsync(host, toolkit, "And the fax."));
        gate.Release();
        await redelivery;

        Assert.Equal(3, (await toolkit.ItemAsync("?status=open", id)).GetProperty("messageCount").GetInt32());
        var rows = await InboxRowsAsync(host, id);
        // A stale row would list the conversation twice once it is merged into another, or on another page.
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.EndsWith(" 3", r));
    }

    /// <summary>The conversation's rows in the inbox index, as "{partition} {message count}".</summary>
    private static async Task<List<string>> InboxRowsAsync(TestHost host, string id)
    {
        var rows = new List<string>();
        await foreach (var row in host.Storage.Table(StorageLayout.InboxIndexTable).QueryAsync<InboxRow>(r => r.ConversationId == id))
        {
            rows.Add($"{row.PartitionKey} {row.MessageCount}");
        }
        return rows;
    }

    private static async Task<string> QueueReplyAsync(TestHost host, ToolkitDriver toolkit, string text)
    {
        Assert.True((await toolkit.Mail.PostMimeAsync(
            new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Re: Printer on fire", text).ToBytes())).IsSuccessStatusCode);
        return Assert.Single((await host.Storage.Queue(QueueNames.InboundEmail).ReceiveMessagesAsync(1)).Value).Body.ToString();
    }

    [Fact]
    public async Task A_delivery_that_died_between_the_head_and_the_inbox_move_is_repaired_by_its_redelivery_without_a_stale_row()
    {
        var inboxDown = new FirstRequestFails(request => request.Uri.ToString().Contains("$batch", StringComparison.Ordinal)
            && FirstRequestFails.BodyOf(request).Contains(StorageLayout.InboxIndexTable, StringComparison.Ordinal));
        await using var host = await TestHost.StartAsync(queuePump: false, services: s => s.AddSingleton<ClientOptionsHook>(inboxDown.Attach));
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync("Printer on fire", "Ana Pereira <ana@example.com>");
        var handler = host.Services.GetRequiredService<ProcessInboundEmail>();

        var reply = await QueueReplyAsync(host, toolkit, "Now the scanner too.");
        inboxDown.Armed = true; // the reply's head is written, then storage fails before its inbox rows move
        await Assert.ThrowsAnyAsync<Exception>(() => handler.HandleAsync(reply));
        await handler.HandleAsync(reply); // the queue's retry repairs the rows

        var rows = await InboxRowsAsync(host, id);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.EndsWith(" 2", r));
    }

    /// <summary>Holds the first inbox-row transaction after it is armed until released; every other request passes.</summary>
    private sealed class InboxMoveGate : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int taken;

        public volatile bool Armed;

        public Task Held => held.Task;

        public void Release() => released.TrySetResult();

        public void Attach(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The host calls storage asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Armed && IsInboxTransaction(message) && Interlocked.Exchange(ref taken, 1) == 0)
            {
                held.TrySetResult();
                await released.Task;
            }
            await ProcessNextAsync(message, pipeline);
        }

        private static bool IsInboxTransaction(HttpMessage message) =>
            message.Request.Uri.ToString().Contains("$batch", StringComparison.Ordinal)
            && FirstRequestFails.BodyOf(message.Request).Contains(StorageLayout.InboxIndexTable, StringComparison.Ordinal);
    }
}
