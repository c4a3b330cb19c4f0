using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Switchboard.Storage.Account;
using Switchboard.Tests.Conversations;
using Switchboard.Tests.Drafts;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Threading;

/// <summary>A merged conversation's old id keeps working for writes too: whatever is sent to it lands in the survivor.</summary>
public sealed class MergedConversationWritesTests
{
    [Fact]
    public async Task Note_update_reply_and_drafts_sent_to_a_merged_conversations_old_id_act_on_the_conversation_it_was_merged_into()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        var drafts = new DraftDriver(host);
        var (olderId, youngerId, trainee, earlyDraftId) = await MergedPairAsync(host, toolkit, drafts);
        var admin = await toolkit.FirstAdminIdAsync();

        var patched = await toolkit.PatchAsync(youngerId, new { tags = new[] { "vip" }, assigneeId = admin, status = "pending" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(olderId, (await patched.Content.ReadFromJsonAsync<JsonElement>()).Str("id"));
        Assert.Equal(HttpStatusCode.Created, (await toolkit.NoteAsync(youngerId, "Called Marco back.")).StatusCode);
        var (_, etag) = await drafts.Replies.GetAsync(youngerId);
        var reply = await drafts.Replies.ReplyAsync(youngerId, new { text = "Both invoices are fixed.", statusAfter = "pending" }, etag);
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var lateDraft = await drafts.SubmitAsync(youngerId, trainee, new { text = "Anything else?" });
        Assert.Equal(olderId, DraftDriver.DraftsConversation(lateDraft.Str("id")));

        // The draft written before the merge moved with it: approved by its old id, it is the same draft (sent once).
        Assert.Equal(HttpStatusCode.Accepted, (await drafts.ApproveAsync(earlyDraftId, TestHost.ApiKey)).StatusCode);
        var listed = await drafts.OfConversationAsync(youngerId);
        Assert.Equal(["approved", "submitted"], listed.Select(d => d.Str("state")).Order());
        Assert.All(listed, d => Assert.Equal(olderId, DraftDriver.DraftsConversation(d.Str("id"))));

        var (merged, _) = await drafts.Replies.GetAsync(olderId);
        Assert.Equal(["vip"], merged.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal((admin, "pending"), (merged.Str("assigneeId"), merged.Str("status")));
        Assert.Contains(merged.Messages(), m => m.Str("kind") == "note" && m.Str("text") == "Called Marco back.");
        Assert.Equal(["Both invoices are fixed.", "Is the second invoice right?"],
            merged.Messages().Where(m => m.Str("direction") == "outbound" && m.Str("kind") == "email").Select(m => m.Str("text").Trim()).Order());
        Assert.Equal([olderId], await toolkit.IdsAsync("?status=pending"));
        Assert.Empty(await toolkit.IdsAsync("?status=open"));

        // Nothing was added to the alias: its partition holds its head and the copies it had when merged, no drafts.
        var rows = host.Storage.Table(StorageLayout.ConversationsTable).QueryAsync<TableEntity>(e => e.PartitionKey == youngerId);
        var kept = new List<TableEntity>();
        await foreach (var row in rows)
        {
            kept.Add(row);
        }
        Assert.DoesNotContain(kept, r => r.RowKey.StartsWith('d'));
        Assert.DoesNotContain(kept, r => r.GetString("Text") is "Called Marco back." or "Both invoices are fixed.");
    }

    /// <summary>
    /// Two conversations, a trainee's draft in the younger, a note there, then a message naming both: the younger folds in.
    /// </summary>
    private static async Task<(string OlderId, string YoungerId, string TraineeKey, string EarlyDraftId)> MergedPairAsync(
        TestHost host, ToolkitDriver toolkit, DraftDriver drafts)
    {
        var mail = toolkit.Mail;
        var older = new ThreadMail("alias-older@mail.example.org", "Ana Pereira <ana@example.org>", "Invoice 2026-118", null, []);
        var younger = new ThreadMail("alias-younger@mail.example.org", "Marco Rossi <marco@example.org>", "Re: Invoice 2026-118",
            "alias-ghost@mail.example.org", ["alias-ghost@mail.example.org"]);
        await mail.DeliverRawAsync(older.ToBytes());
        await mail.ProcessQueuedAsync();
        await mail.DeliverRawAsync(younger.ToBytes());
        await mail.ProcessQueuedAsync();
        var youngerId = (await mail.AllConversationsAsync()).Single(c => c.Messages()[0].Str("messageId") == younger.MessageId).Str("id");
        var olderId = (await toolkit.IdsAsync("?status=open")).Single(id => id != youngerId);
        var trainee = await drafts.Replies.ApiKeyAsync("Tom Trainee", "trainee");
        var earlyDraft = await drafts.SubmitAsync(youngerId, trainee, new { text = "Is the second invoice right?" });

        var linking = new ThreadMail("alias-linking@mail.example.org", "Ana Pereira <ana@example.org>", "Re: Invoice 2026-118", younger.MessageId,
            [older.MessageId, younger.MessageId]);
        await mail.DeliverRawAsync(linking.ToBytes());
        await mail.ProcessQueuedAsync();
        Assert.Equal(olderId, (await mail.SingleConversationAsync()).Str("id"));
        Assert.NotEqual(olderId, DraftDriver.DraftsConversation(earlyDraft.Str("id")));
        return (olderId, youngerId, trainee, earlyDraft.Str("id"));
    }
}
