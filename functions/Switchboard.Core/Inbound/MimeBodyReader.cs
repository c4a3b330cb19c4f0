using MimeKit;
using MimeKit.Text;

namespace Switchboard.Core.Inbound;

/// <summary>What the MIME tree of a message holds: its text, HTML, attachments and (for a DSN) the bounced Message-ID.</summary>
internal sealed class MimeBody
{
    public string? Text { get; set; }
    public string? Html { get; set; }
    public List<ParsedAttachment> Attachments { get; } = [];
    public string? BouncedMessageId { get; set; }
}

/// <summary>
/// Walks a message's MIME tree. The first text/plain and text/html parts that are not attachments are the body
/// (further inline ones, as Apple Mail writes around attachments, are appended); every other leaf is an
/// attachment. An attached message/rfc822 is one attachment named after its subject; inside a report it also
/// names the bounced message.
/// </summary>
internal static class MimeBodyReader
{
    public static MimeBody Read(MimeEntity? root, ICollection<string> problems)
    {
        var body = new MimeBody();
        if (root is not null)
            Visit(root, body, problems, inReport: false);
        return body;
    }

    private static void Visit(MimeEntity entity, MimeBody body, ICollection<string> problems, bool inReport)
    {
        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                    Visit(child, body, problems, inReport || multipart is MultipartReport);
                break;
            case TextRfc822Headers headers:
                body.BouncedMessageId ??= headers.Message?.MessageId;
                break;
            case MessagePart attached:
                if (inReport)
                    body.BouncedMessageId ??= attached.Message?.MessageId;
                body.Attachments.Add(AttachedMessage(attached));
                break;
            case MessageDeliveryStatus:
                break;
            case TextPart text when !text.IsAttachment && (text.IsPlain || text.IsHtml):
                AppendText(text, body, problems);
                break;
            case MimePart part:
                body.Attachments.Add(Attachment(part, body.Attachments.Count + 1, problems));
                break;
        }
    }

    private static void AppendText(TextPart part, MimeBody body, ICollection<string> problems)
    {
        Base64Check.Note(part, "body text", problems);
        var decoded = TextDecoder.Decode(part, problems);
        if (part.IsFlowed)
            decoded = new FlowedToText { DeleteSpace = IsDelSp(part) }.Convert(decoded);
        if (part.IsHtml)
            body.Html = body.Html is null ? decoded : body.Html + "\n" + decoded;
        else
            body.Text = body.Text is null ? decoded : body.Text.TrimEnd() + "\n\n" + decoded;
    }

    private static bool IsDelSp(TextPart part) =>
        string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);

    private static ParsedAttachment Attachment(MimePart part, int number, ICollection<string> problems)
    {
        var name = AttachmentNames.Safe(part.FileName, FallbackName(part.ContentType.MimeType, number));
        Base64Check.Note(part, $"attachment '{name}'", problems);
        var content = TextDecoder.DecodedBytes(part);
        var inline = part.ContentDisposition?.Disposition is { } disposition
            ? disposition.Equals(ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase)
            : part.ContentId is not null;
        return new ParsedAttachment(name, part.ContentType.MimeType.ToLowerInvariant(), content.Length, part.ContentId, inline, content);
    }

    private static ParsedAttachment AttachedMessage(MessagePart part)
    {
        using var memory = new MemoryStream();
        part.Message?.WriteTo(memory);
        var content = memory.ToArray();
        var subject = string.IsNullOrWhiteSpace(part.Message?.Subject) ? "message" : part.Message.Subject.Trim();
        var safe = AttachmentNames.Safe(SafeFileName(subject), "message");
        return new ParsedAttachment((safe.Length > AttachmentNames.MaxLength - 4 ? safe[..(AttachmentNames.MaxLength - 4)] : safe) + ".eml",
            "message/rfc822", content.Length, part.ContentId, false, content);
    }

    // Subjects become file names on agents' Windows and Mac machines: slashes and reserved characters are replaced.
    private static string SafeFileName(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) || "\\/:*?\"<>|".Contains(c) ? '_' : c));

    private static string FallbackName(string mimeType, int number) =>
        $"attachment-{number}" + (MimeTypes.TryGetExtension(mimeType, out var extension) ? extension : ".bin");
}
