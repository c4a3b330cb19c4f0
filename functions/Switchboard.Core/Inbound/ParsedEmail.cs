namespace Switchboard.Core.Inbound;

public sealed record EmailAddress(string Address, string? Name);

[Flags]
public enum MailFlags { None = 0, AutoReply = 1, Bounce = 2, Unparsed = 4 }

public sealed record ParsedAttachment(string FileName, string ContentType, long Size, string? ContentId, bool Inline, byte[] Content);

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
    IReadOnlyList<string> Problems);
