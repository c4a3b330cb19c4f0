using System.Text;
using System.Text.Json;
using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>A file of a SendGrid Inbound Parse post, with what <c>attachment-info</c> says of it.</summary>
public sealed record FormAttachment(string FileName, string ContentType, string? ContentId, byte[] Content);

/// <summary>The fields of SendGrid's default ("parsed") Inbound Parse post, already decoded with its <c>charsets</c>.</summary>
public sealed record SendGridParsedFields(
    string? Headers,
    string? Text,
    string? Html,
    string? From,
    string? To,
    string? Cc,
    string? Subject,
    IReadOnlyList<FormAttachment> Attachments)
{
    /// <summary>
    /// Decodes the text fields of the post with the charsets SendGrid names in its <c>charsets</c> field
    /// (e.g. {"text":"iso-8859-1"}); a missing or unknown charset is read as UTF-8.
    /// </summary>
    public static SendGridParsedFields FromForm(IReadOnlyDictionary<string, byte[]> values, IReadOnlyList<FormAttachment> attachments)
    {
        var charsets = Charsets(values.GetValueOrDefault("charsets"));
        string? Field(string name) => values.TryGetValue(name, out var bytes) ? Decode(bytes, charsets.GetValueOrDefault(name)) : null;
        return new SendGridParsedFields(Field("headers"), Field("text"), Field("html"), Field("from"), Field("to"), Field("cc"), Field("subject"), attachments);
    }

    private static Dictionary<string, string> Charsets(byte[]? json)
    {
        if (json is null)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        Encoding encoding;
        try
        {
            encoding = charset is { Length: > 0 } ? Encoding.GetEncoding(charset) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }
        return encoding.GetString(bytes);
    }
}

/// <summary>
/// Rebuilds a complete MIME message from SendGrid's parsed fields, so that parsed and raw posts go through one pipeline:
/// the original headers (Message-ID, In-Reply-To, References, Thread-Index, Auto-Submitted, …) are kept; the body is
/// rebuilt from text, html and the attachments (inline ones, with a Content-ID, under multipart/related).
/// </summary>
public static class SendGridParsedMail
{
    public static byte[] ToMime(SendGridParsedFields fields)
    {
        var message = new MimeMessage();
        message.Headers.Clear();
        foreach (var header in OriginalHeaders(fields.Headers))
        {
            message.Headers.Add(header);
        }
        AddIfMissing(message, HeaderId.From, fields.From);
        AddIfMissing(message, HeaderId.To, fields.To);
        AddIfMissing(message, HeaderId.Cc, fields.Cc);
        AddIfMissing(message, HeaderId.Subject, fields.Subject);
        message.Body = Body(fields);

        using var output = new MemoryStream();
        message.WriteTo(FormatOptions.Default, output);
        return output.ToArray();
    }

    /// <summary>Every header but those that describe the old body, which is replaced.</summary>
    private static IEnumerable<Header> OriginalHeaders(string? headerBlock)
    {
        if (string.IsNullOrWhiteSpace(headerBlock))
        {
            return [];
        }
        var text = headerBlock.ReplaceLineEndings("\r\n").TrimEnd() + "\r\n\r\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var headers = HeaderList.Load(ParserOptions.Default, stream);
        return headers.Where(h => !h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
            && !h.Field.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static void AddIfMissing(MimeMessage message, HeaderId id, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !message.Headers.Contains(id))
        {
            message.Headers.Add(id, value.Trim());
        }
    }

    private static MimeEntity Body(SendGridParsedFields fields)
    {
        var builder = new BodyBuilder { TextBody = fields.Text, HtmlBody = fields.Html };
        foreach (var attachment in fields.Attachments)
        {
            var contentType = ContentType.TryParse(attachment.ContentType, out var parsed) ? parsed : new ContentType("application", "octet-stream");
            var collection = attachment.ContentId is { Length: > 0 } && fields.Html is not null ? builder.LinkedResources : builder.Attachments;
            var entity = collection.Add(attachment.FileName, attachment.Content, contentType);
            if (attachment.ContentId is { Length: > 0 } contentId)
            {
                entity.ContentId = contentId.Trim('<', '>');
            }
        }
        if (fields.Text is null && fields.Html is null && fields.Attachments.Count == 0)
        {
            builder.TextBody = "";
        }
        return builder.ToMessageBody();
    }
}
