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

    /// <summary><see cref="MessageKinds"/>: an email (in or out), an internal note, a logged phone call.</summary>
    public string Kind { get; set; } = MessageKinds.Email;

    /// <summary>inbound | outbound. Notes and calls are outbound: written by the team.</summary>
    public string Direction { get; set; } = "inbound";

    /// <summary>The agent who wrote a reply, note or call; null for mail that came in.</summary>
    public string? AuthorAgentId { get; set; }

    /// <summary>A reply written by a trainee as a draft: the agent who approved (sent) it. Flagged <c>approved-draft</c>.</summary>
    public string? ApprovedByAgentId { get; set; }

    /// <summary>Outbound email only: <see cref="DeliveryStates"/>.</summary>
    public string? DeliveryState { get; set; }

    /// <summary>Why the last delivery state was reached (provider response, bounce reason).</summary>
    public string? DeliveryDetail { get; set; }

    /// <summary>Outbound email only: the provider's id of the accepted mail (SendGrid's X-Message-Id).</summary>
    public string? ProviderMessageId { get; set; }

    /// <summary>
    /// Outbound email only: set while a delivery is calling the mail provider (until when it may), cleared with the
    /// outcome. Found expired, it means that delivery died mid-send: the mail may or may not have gone out.
    /// </summary>
    public DateTimeOffset? SendingUntil { get; set; }
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

    /// <summary>Comma-separated <c>MessageFlags</c> names (auto-reply, new-participant, call-inbound, …); see <c>MessageFlagNames</c>.</summary>
    public string Flags { get; set; } = "";

    public string RawBlobName { get; set; } = "";

    /// <summary>
    /// Mail that came in: Outlook's whole Thread-Index (base64), "" when it had none, so a reply can continue it
    /// without reading the raw mail. Null on rows stored before it was kept: sending then reads the raw mail.
    /// </summary>
    public string? ThreadIndex { get; set; }

    /// <summary>
    /// Mail that came in: its References (else its In-Reply-To), ids without brackets, space-separated, oldest first,
    /// so a reply's References carry the customer's whole thread. Null on rows stored before it was kept.
    /// </summary>
    public string? References { get; set; }

    /// <summary>How the message found its conversation (references, reply-address, subject, …).</summary>
    public string ThreadMatch { get; set; } = "";

    /// <summary>JSON list of what could not be read.</summary>
    public string Problems { get; set; } = "[]";
}

public static class MessageKinds
{
    public const string Email = "email";
    public const string Note = "note";
    public const string Call = "call";
}

/// <summary>An outbound email's way out, in order; failed, bounced and dropped are final and shown to the agent.</summary>
public static class DeliveryStates
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Deferred = "deferred";
    public const string Delivered = "delivered";
    public const string Opened = "opened";
    public const string Bounced = "bounced";
    public const string Dropped = "dropped";
    public const string Failed = "failed";
}

public sealed record StoredAttachment(string Name, string ContentType, long Size, string? ContentId, bool Inline, string BlobName);

public sealed record StoredAddress(string Email, string? Name);

/// <summary>The bodies of a message, when stored as a blob.</summary>
public sealed record StoredBody(string Text, string VisibleText, string? Html);
