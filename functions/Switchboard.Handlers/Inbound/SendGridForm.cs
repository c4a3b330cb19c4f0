using System.Text;
using MimeKit;

namespace Switchboard.Handlers.Inbound;

/// <summary>A file field of a multipart form.</summary>
public sealed record SendGridFormFile(string FieldName, string FileName, string ContentType, byte[] Content);

/// <summary>
/// A SendGrid Inbound Parse post read as a multipart/form-data body. SendGrid's own sample payloads use bare LF line
/// ends and some start with a UTF-8 byte-order mark, which ASP.NET's form reader rejects ("Line length limit 100
/// exceeded"); MimeKit's MIME parser reads CRLF and LF alike, so the form is parsed as a MIME multipart. Field values
/// stay bytes: they are decoded later with the charsets SendGrid names.
/// </summary>
public sealed record SendGridForm(IReadOnlyDictionary<string, byte[]> Values, IReadOnlyList<SendGridFormFile> Files)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public bool IsEmpty => Values.Count == 0 && Files.Count == 0;

    /// <summary>Reads the form; <paramref name="boundary"/> may be null when the Content-Type lacks it (it is then taken from the body).</summary>
    public static SendGridForm Read(byte[] body, string? boundary)
    {
        var start = body.AsSpan().StartsWith(Bom) ? Bom.Length : 0;
        boundary ??= BoundaryOf(body, start);
        var values = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var files = new List<SendGridFormFile>();
        if (boundary is null)
        {
            return new SendGridForm(values, files);
        }

        var header = Encoding.ASCII.GetBytes($"Content-Type: multipart/form-data; boundary=\"{boundary.Replace("\"", "")}\"\r\n\r\n");
        using var stream = new MemoryStream(header.Length + body.Length - start);
        stream.Write(header);
        stream.Write(body, start, body.Length - start);
        stream.Position = 0;
        Multipart form;
        try
        {
            if (MimeEntity.Load(stream) is not Multipart multipart)
            {
                return new SendGridForm(values, files);
            }
            form = multipart;
        }
        catch (FormatException)
        {
            return new SendGridForm(values, files);
        }
        foreach (var part in form.OfType<MimePart>())
        {
            if (part.ContentDisposition?.Parameters["name"] is not { Length: > 0 } name)
            {
                continue;
            }
            var content = Content(part);
            if (part.ContentDisposition.FileName is { Length: > 0 } fileName)
            {
                files.Add(new SendGridFormFile(name, fileName, part.Headers[HeaderId.ContentType] is null ? "application/octet-stream" : part.ContentType.MimeType, content));
            }
            else
            {
                values[name] = content;
            }
        }
        return new SendGridForm(values, files);
    }

    private static byte[] Content(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content?.DecodeTo(output);
        return output.ToArray();
    }

    /// <summary>The boundary from the body's first "--boundary" line, for a Content-Type that did not name it.</summary>
    private static string? BoundaryOf(byte[] body, int start)
    {
        var firstLine = Encoding.ASCII.GetString(body, start, Math.Min(body.Length - start, 200)).Split('\n')[0].TrimEnd('\r', ' ');
        return firstLine.StartsWith("--", StringComparison.Ordinal) && firstLine.Length > 2 ? firstLine[2..] : null;
    }
}
