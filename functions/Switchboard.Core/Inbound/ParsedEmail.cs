namespace Switchboard.Core.Inbound;

/// <summary>A mailbox as written in the message. Compare <see cref="Address"/> case-insensitively.</summary>
public sealed record EmailAddress(string Address, string? Name);

/// <summary>What kind of mail this is, beyond an ordinary message from a person.</summary>
[Flags]
public enum MailFlags
{
    None = 0,

    /// <summary>Sent by a machine (out-of-office, autoresponder, Auto-Submitted): never auto-reply to it.</summary>
    AutoReply = 1,

    /// <summary>A delivery status notification (bounce). Always set together with <see cref="AutoReply"/>.</summary>
    Bounce = 2,

    /// <summary>The MIME could not be read into anything usable; show the raw source instead.</summary>
    Unparsed = 4,

    /// <summary>
    /// Came through a mailing list or group (List-Id, List-Unsubscribe, Precedence: list/bulk). Written by a person:
    /// threaded and paged on like other mail, but never answered automatically (RFC 3834).
    /// </summary>
    List = 8,
}

/// <summary>
/// An attachment, inline image (has a <see cref="ContentId"/> and <see cref="Inline"/>) or attached message
/// (<c>message/rfc822</c>, named "&lt;subject&gt;.eml"). <see cref="Size"/> is the decoded size in bytes.
/// </summary>
public sealed record ParsedAttachment(string FileName, string ContentType, long Size, string? ContentId, bool Inline, byte[] Content);

/// <summary>
/// An inbound email read into what the help desk stores and shows. Produced by <see cref="MailParser.Parse"/>,
/// which never throws: whatever could not be read is described in <see cref="Problems"/>.
/// </summary>
/// <param name="MessageId">Without angle brackets; when the message has none:
/// <c>sha256-&lt;first 32 hex chars of the raw bytes' SHA-256&gt;@switchboard.invalid</c>, so redelivery gives the same id.</param>
/// <param name="References">Without angle brackets, oldest first, de-duplicated.</param>
/// <param name="ThreadIndexRoot">Base64 of the first 22 bytes of Outlook's Thread-Index (the conversation root), else null.</param>
/// <param name="Subject">Decoded; "" when missing.</param>
/// <param name="Text">The full plain text: the text/plain part, else converted from the HTML part.</param>
/// <param name="VisibleText">Only what the author wrote now: quoted history and signature removed; a forwarded
/// message is left to <see cref="Text"/> (the visible text is what the forwarder wrote above it); interleaved replies
/// keep the quotes the author answered; "" for a reply that only quotes. See docs/mail.md.</param>
/// <param name="Html">Sanitized HTML (cid: image sources kept), or null when the message has no HTML part.</param>
/// <param name="BouncedMessageId">For a bounce: the Message-ID of the message that could not be delivered.</param>
/// <param name="Problems">Human-readable notes on what could not be read.</param>
public sealed record ParsedEmail(
    string MessageId,
    bool MessageIdSynthesized,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string? ThreadIndexRoot,
    EmailAddress? From,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    IReadOnlyList<EmailAddress> ReplyTo,
    string Subject,
    DateTimeOffset? Date,
    string Text,
    string VisibleText,
    string? Html,
    IReadOnlyList<ParsedAttachment> Attachments,
    MailFlags Flags,
    string? BouncedMessageId,
    IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Outlook's whole Thread-Index (base64) when the message has a well-formed one, else null: a reply continues it,
    /// so Outlook files the reply under the customer's thread.
    /// </summary>
    public string? ThreadIndex { get; init; }
}
