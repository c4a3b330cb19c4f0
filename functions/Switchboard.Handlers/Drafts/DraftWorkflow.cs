using System.Text.Json;
using Switchboard.Core.Inbound;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Replies;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// What the draft routes share: finding a draft by its API id, who the caller is as an author, and a draft's words and
/// files (attachments go to blobs at once, under <c>attachments/{conversation}/{draft}-v{version}/</c>, and are read back
/// when it is approved).
/// </summary>
public sealed class DraftWorkflow(DraftStore drafts, MessageContentStore content, Teammates team)
{
    /// <summary>How long an approval's claim holds before another approver may take the draft over (the first crashed).</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    public async Task<DraftEntity?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        DraftStore.TryParseId(id, out var conversationId, out var rowKey)
            ? await drafts.GetAsync(conversationId, rowKey, cancellationToken)
            : null;

    /// <summary>The caller as the author or approver of drafts: the bootstrap key counts as the first admin, as elsewhere.</summary>
    public async Task<ReplyAuthor> PersonAsync(Agent agent, CancellationToken cancellationToken = default) =>
        new(await team.CallerIdAsync(agent, cancellationToken), agent.Role, agent.Name);

    /// <summary>Puts the words and files of <paramref name="reply"/> into the draft (its version already set).</summary>
    public async Task FillAsync(DraftEntity draft, OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        var attachments = await content.SaveAttachmentsAsync(draft.PartitionKey, $"{draft.RowKey}-v{draft.Version}",
            reply.Attachments.Select(a => new ParsedAttachment(a.Name, a.ContentType, a.Content.Length, null, false, a.Content)).ToList(),
            cancellationToken);
        draft.Text = reply.Text;
        draft.Html = reply.Html;
        draft.Cc = JsonSerializer.Serialize(reply.Cc, JsonDefaults.Options);
        draft.Attachments = JsonSerializer.Serialize(attachments, JsonDefaults.Options);
        draft.StatusAfter = reply.StatusAfter;
    }

    public async Task<IReadOnlyList<ReplyAttachment>> AttachmentsAsync(DraftEntity draft, CancellationToken cancellationToken = default)
    {
        var result = new List<ReplyAttachment>();
        foreach (var stored in JsonSerializer.Deserialize<List<StoredAttachment>>(draft.Attachments, JsonDefaults.Options) ?? [])
        {
            await using var stream = await content.OpenAsync(stored.BlobName, cancellationToken)
                ?? throw new InvalidOperationException($"Attachment {stored.BlobName} of draft {draft.RowKey} is missing.");
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            result.Add(new ReplyAttachment(stored.Name, stored.ContentType, buffer.ToArray()));
        }
        return result;
    }
}
