using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Switchboard.Core.Inbound;
using Switchboard.Handlers.Hosting;

namespace Switchboard.Handlers.Inbound;

/// <summary>
/// <c>POST /api/inbound/sendgrid</c>: SendGrid Inbound Parse (multipart/form-data). "Send raw" posts carry the whole
/// message in <c>email</c>; default posts carry <c>headers</c>, <c>text</c>, <c>html</c> and files, from which a complete
/// MIME message is rebuilt. SendGrid drops a post answered 4xx and retries a 5xx, so 4xx is kept for posts that can
/// never succeed.
/// </summary>
public sealed class ReceiveSendGridEmail(WebhookGuard guard, InboundAcceptance acceptance)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (guard.RejectUnlessAuthorized(request) is { } unauthorized)
        {
            return unauthorized;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Problems.UnsupportedMediaType("SendGrid Inbound Parse posts multipart/form-data with a boundary.");
        }
        var (body, rejection) = await guard.ReadBodyAsync(request, cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }
        if (guard.RejectUnlessSigned(request, body!) is { } unsigned)
        {
            return unsigned;
        }

        Form form;
        try
        {
            form = await ReadFormAsync(body!, boundary, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return Problems.BadRequest($"The multipart body could not be read: {e.Message}");
        }

        var (envelopeTo, envelopeFrom) = Envelope(form.Values.GetValueOrDefault("envelope"));
        // Both modes post SendGrid's own SPF and DKIM verdicts; agents' mail replies are trusted on them (AgentMailReplies).
        var checks = SenderAuthentication.FromSendGridFields(Field(form, "SPF"), Field(form, "dkim"), envelopeFrom);
        if (form.Values.TryGetValue("email", out var raw) && raw.Length > 0)
        {
            return await acceptance.AcceptAsync(raw, "sendgrid-raw", envelopeTo, envelopeFrom, cancellationToken, checks);
        }
        if (!new[] { "headers", "text", "html", "from" }.Any(form.Values.ContainsKey) && form.Files.Count == 0)
        {
            return Problems.BadRequest("The post has neither an 'email' field (raw mode) nor 'headers', 'text', 'html' or 'from' (parsed mode).", "email");
        }
        var attachments = Attachments(form);
        var mime = SendGridParsedMail.ToMime(SendGridParsedFields.FromForm(form.Values, attachments));
        return await acceptance.AcceptAsync(mime, "sendgrid-parsed", envelopeTo, envelopeFrom, cancellationToken, checks);
    }

    private static string? Field(Form form, string name) =>
        form.Values.TryGetValue(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    private sealed record FormFile(string FieldName, string FileName, string ContentType, byte[] Content);

    private sealed record Form(Dictionary<string, byte[]> Values, List<FormFile> Files);

    /// <summary>Reads every part as bytes: field values are decoded later with the charsets SendGrid names.</summary>
    private static async Task<Form> ReadFormAsync(byte[] body, string boundary, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, new MemoryStream(body)) { BodyLengthLimit = null, HeadersLengthLimit = 64 * 1024 };
        var form = new Form(new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase), []);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name)
            {
                continue;
            }
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content, cancellationToken);
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            name = HeaderUtilities.RemoveQuotes(name).Value!;
            if (fileName is { Length: > 0 })
            {
                form.Files.Add(new FormFile(name, fileName, section.ContentType ?? "application/octet-stream", content.ToArray()));
            }
            else
            {
                form.Values[name] = content.ToArray();
            }
        }
        return form;
    }

    /// <summary>Files, named and typed by <c>attachment-info</c> when SendGrid sends it (it also carries inline images' content-id).</summary>
    private static List<FormAttachment> Attachments(Form form)
    {
        var info = new Dictionary<string, AttachmentInfo>(StringComparer.OrdinalIgnoreCase);
        if (form.Values.TryGetValue("attachment-info", out var json))
        {
            try
            {
                info = JsonSerializer.Deserialize<Dictionary<string, AttachmentInfo>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? info;
            }
            catch (JsonException)
            {
            }
        }
        return form.Files.Select(file =>
        {
            var described = info.GetValueOrDefault(file.FieldName);
            return new FormAttachment(
                described?.Filename ?? described?.Name ?? file.FileName,
                described?.Type ?? file.ContentType,
                described?.ContentId,
                file.Content);
        }).ToList();
    }

    private sealed record AttachmentInfo(string? Filename, string? Name, string? Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("content-id")] string? ContentId);

    /// <summary>SendGrid's <c>envelope</c> field: {"to":["support@…"],"from":"…"}.</summary>
    private static (IReadOnlyList<string> To, string? From) Envelope(byte[]? json)
    {
        if (json is null)
        {
            return ([], null);
        }
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(json));
            var root = document.RootElement;
            var to = root.TryGetProperty("to", out var toElement) && toElement.ValueKind == JsonValueKind.Array
                ? toElement.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList()
                : [];
            var from = root.TryGetProperty("from", out var fromElement) && fromElement.ValueKind == JsonValueKind.String ? fromElement.GetString() : null;
            return (to, from);
        }
        catch (JsonException)
        {
            return ([], null);
        }
    }
}
