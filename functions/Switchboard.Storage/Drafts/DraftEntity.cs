namespace Switchboard.Storage.Drafts;

/// <summary>
/// A reply waiting for approval, in its conversation's partition of <c>Conversations</c>: RowKey <c>d</c> + 16 hex
/// (outside the message range m..n, so reading a conversation's messages never returns drafts).
/// </summary>
public sealed class DraftEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary><see cref="DraftStates"/>.</summary>
    public string State { get; set; } = DraftStates.Submitted;

    /// <summary>Goes up by one with every edit (resubmission or the author's change), so an approver can insist on the words they read.</summary>
    public int Version { get; set; } = 1;

    public string AuthorAgentId { get; set; } = "";
    public string? AuthorName { get; set; }
    public string AuthorRole { get; set; } = "";

    /// <summary>The conversation's subject when submitted, for the approval queue.</summary>
    public string Subject { get; set; } = "";

    public string Text { get; set; } = "";
    public string? Html { get; set; }

    /// <summary>JSON list of addresses.</summary>
    public string Cc { get; set; } = "[]";

    /// <summary>JSON list of <see cref="Conversations.StoredAttachment"/> (blobs under <c>attachments/{conversation}/{draft}-v{version}/</c>).</summary>
    public string Attachments { get; set; } = "[]";

    public string StatusAfter { get; set; } = "pending";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The approval queue row (<c>DraftQueue</c>, partition <c>submitted</c>) while submitted.</summary>
    public string? QueueRowKey { get; set; }

    /// <summary>The author's own list row (<c>DraftQueue</c>, partition <c>agent-{id}</c>); fixed at creation.</summary>
    public string AuthorRowKey { get; set; } = "";

    public string? ReturnComment { get; set; }
    public string? ReturnedByAgentId { get; set; }
    public string? ReturnedByName { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }

    public string? ApprovedByAgentId { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The reply the approval sent (message RowKey in the same partition).</summary>
    public string? SentMessageId { get; set; }
}

public static class DraftStates
{
    public const string Submitted = "submitted";
    public const string Returned = "returned";

    /// <summary>Being sent: claimed by one approver (ETag-guarded), so a second cannot send it too.</summary>
    public const string Approving = "approving";
    public const string Approved = "approved";

    public static readonly IReadOnlyList<string> Listable = [Submitted, Returned, Approved];
}

/// <summary>
/// A row of <c>DraftQueue</c>: PartitionKey <c>submitted</c> (the approval queue, oldest first) or
/// <c>agent-{escaped id}</c> (an author's own drafts, newest first); it holds what the lists show.
/// </summary>
public sealed class DraftQueueEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string DraftId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string State { get; set; } = "";
    public string AuthorAgentId { get; set; } = "";
    public string? AuthorName { get; set; }
    public string Preview { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public string? ReturnComment { get; set; }
}
