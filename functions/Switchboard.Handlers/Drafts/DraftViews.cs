using System.Text.Json;
using Switchboard.Storage;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>A draft as the API shows it.</summary>
public sealed record DraftView(
    string Id,
    string ConversationId,
    string Subject,
    string State,
    int Version,
    DraftPerson Author,
    string Text,
    string? Html,
    IReadOnlyList<string> Cc,
    IReadOnlyList<DraftAttachmentView> Attachments,
    string StatusAfter,
    DateTimeOffset CreatedAt,
    DateTimeOffset SubmittedAt,
    string? ReturnComment,
    DraftPerson? ReturnedBy,
    DateTimeOffset? ReturnedAt,
    DraftPerson? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string? SentMessageId)
{
    public static DraftView Of(DraftEntity d) => new(
        DraftStore.PublicId(d.PartitionKey, d.RowKey), d.PartitionKey, d.Subject, d.State, d.Version,
        new DraftPerson(d.AuthorAgentId, d.AuthorName),
        d.Text, d.Html,
        JsonSerializer.Deserialize<List<string>>(d.Cc, JsonDefaults.Options) ?? [],
        (JsonSerializer.Deserialize<List<StoredAttachment>>(d.Attachments, JsonDefaults.Options) ?? [])
            .Select(a => new DraftAttachmentView(a.Name, a.ContentType, a.Size)).ToList(),
        d.StatusAfter, d.CreatedAt, d.SubmittedAt,
        d.ReturnComment, d.ReturnedByAgentId is { } r ? new DraftPerson(r, d.ReturnedByName) : null, d.ReturnedAt,
        d.ApprovedByAgentId is { } a ? new DraftPerson(a, d.ApprovedByName) : null, d.ApprovedAt, d.SentMessageId);
}

public sealed record DraftPerson(string Id, string? Name);

public sealed record DraftAttachmentView(string Name, string ContentType, long Size);

/// <summary>A row of the approval queue or of an author's own list.</summary>
public sealed record DraftSummary(
    string Id, string ConversationId, string Subject, string State, DraftPerson Author, string Preview, DateTimeOffset SubmittedAt, string? ReturnComment)
{
    public static DraftSummary Of(DraftQueueEntity row) => new(
        row.DraftId, row.ConversationId, row.Subject, row.State, new DraftPerson(row.AuthorAgentId, row.AuthorName), row.Preview, row.SubmittedAt, row.ReturnComment);
}

public sealed record DraftList(IReadOnlyList<DraftSummary> Items);

public sealed record ConversationDrafts(IReadOnlyList<DraftView> Items);

/// <summary>The body of <c>POST /api/drafts/{id}/approve</c>: every field optional; given ones replace the draft's (an edit).</summary>
public sealed record ApproveDraftRequest(string? Text, string? Html, List<string>? Cc, string? StatusAfter, int? Version);

/// <summary>The body of <c>POST /api/drafts/{id}/return</c>.</summary>
public sealed record ReturnDraftRequest(string? Comment);
