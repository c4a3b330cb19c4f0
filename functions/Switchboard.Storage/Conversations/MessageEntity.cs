using Azure;
using Azure.Data.Tables;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// One message: PartitionKey = conversation id, RowKey = message id ("m" + hash of the Message-ID, so a redelivery
/// collides instead of adding a copy). Bodies over <see cref="InlineBodyLimit"/> characters live in a blob.
/// </summary>
public sealed class MessageEntity : ITableEntity
{
    /// <summary>Table properties hold at most 64 KiB (32K UTF-16 characters).</summary>
    public const int InlineBodyLimit = 30_000;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string MessageId { get; set; } = "";
    public string Direction { get; set; } = "inbound";
    public string? FromEmail { get; set; }
    public string? FromName { get; set; }

    /// <summary>JSON lists of {email, name}.</summary>
    public string To { get; set; } = "[]";
    public string Cc { get; set; } = "[]";

    public string Subject { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    public string? Text { get; set; }
    public string? VisibleText { get; set; }
    public string? Html { get; set; }

    /// <summary>Set instead of the three bodies when they are too large for the row: a JSON blob in the mail container.</summary>
    public string? BodyBlobName { get; set; }

    /// <summary>JSON list of <see cref="StoredAttachment"/>.</summary>
    public string Attachments { get; set; } = "[]";

    /// <summary>Comma-separated: auto-reply, bounce, unparsed, new-participant, own-message.</summary>
    public string Flags { get; set; } = "";

    public string RawBlobName { get; set; } = "";

    /// <summary>How the message found its conversation (references, reply-address, subject, …).</summary>
    public string ThreadMatch { get; set; } = "";

    /// <summary>JSON list of what could not be read.</summary>
    public string Problems { get; set; } = "[]";
}

public sealed record StoredAttachment(string Name, string ContentType, long Size, string? ContentId, bool Inline, string BlobName);

public sealed record StoredAddress(string Email, string? Name);

/// <summary>The bodies of a message, when stored as a blob.</summary>
public sealed record StoredBody(string Text, string VisibleText, string? Html);
