using System.Net.Mail;
using Switchboard.Handlers.KnowledgeBase.Public;

namespace Switchboard.Handlers.KnowledgeBase.Contact;

/// <summary>An uploaded file of the contact form.</summary>
public sealed record ContactAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// What a visitor sent through the contact form, read from JSON <c>{name, email, subject, message, session?, website}</c>
/// or from a form post (<c>multipart/form-data</c> or urlencoded: the same fields, plus an optional file
/// <c>attachment</c>), then checked field by field.
/// </summary>
public sealed record ContactForm(string Name, string Email, string Subject, string Message, string? Session, string? Website, ContactAttachment? Attachment)
    : IHoneypotBody
{
    public const int MaxNameLength = 100;
    public const int MaxSubjectLength = 200;
    public const int MaxMessageLength = 10_000;
    public const long MaxAttachmentBytes = 10L * 1024 * 1024;

    private sealed record JsonForm(string? Name, string? Email, string? Subject, string? Message, string? Session, string? Website);

    public static async Task<(ContactForm? Form, IResult? Invalid)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxAttachmentBytes + 64 * 1024)
        {
            return (null, Problems.TooLarge($"A message and its attachment are limited to {MaxAttachmentBytes / (1024 * 1024)} MB."));
        }
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return (null, Problems.BadRequest($"The form could not be read: {e.Message}", "body"));
            }
            var file = form.Files.GetFile("attachment");
            ContactAttachment? attachment = null;
            if (file is { Length: > 0 })
            {
                if (file.Length > MaxAttachmentBytes)
                {
                    return (null, Problems.TooLarge($"An attachment is limited to {MaxAttachmentBytes / (1024 * 1024)} MB."));
                }
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy, cancellationToken);
                var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
                attachment = new ContactAttachment(name.Length is > 0 and <= 200 ? name : "attachment",
                    string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType, copy.ToArray());
            }
            return Check(form["name"], form["email"], form["subject"], form["message"], form["session"], form["website"], attachment);
        }
        var (json, invalid) = await JsonBody.ReadAsync<JsonForm>(request, cancellationToken, maxBytes: 64 * 1024);
        return json is null ? (null, invalid) : Check(json.Name, json.Email, json.Subject, json.Message, json.Session, json.Website, null);
    }

    private static (ContactForm?, IResult?) Check(
        string? name, string? email, string? subject, string? message, string? session, string? website, ContactAttachment? attachment)
    {
        name = OneLine(name);
        subject = OneLine(subject);
        email = email?.Trim();
        if (name is not { Length: > 0 and <= MaxNameLength })
        {
            return (null, Problems.BadRequest($"name is required, at most {MaxNameLength} characters.", "name"));
        }
        if (email is not { Length: > 0 and <= 254 } || !MailAddress.TryCreate(email, out var address) || address.Address != email || address.DisplayName.Length > 0)
        {
            return (null, Problems.BadRequest("email must be an email address, such as ada@example.com.", "email"));
        }
        if (subject is not { Length: > 0 and <= MaxSubjectLength })
        {
            return (null, Problems.BadRequest($"subject is required, at most {MaxSubjectLength} characters.", "subject"));
        }
        if (string.IsNullOrWhiteSpace(message) || message.Length > MaxMessageLength)
        {
            return (null, Problems.BadRequest($"message is required, at most {MaxMessageLength} characters.", "message"));
        }
        if (session is { Length: > 0 } && !PostContactVisit.IsSession(session))
        {
            return (null, Problems.BadRequest("session must be 16 to 64 lower-case hex digits.", "session"));
        }
        return (new ContactForm(name, email, subject, message.Trim(), session is { Length: > 0 } ? session : null, website, attachment), null);
    }

    /// <summary>Header values are one line: a line break in a name or subject must not start a header of its own.</summary>
    private static string? OneLine(string? value) =>
        value is null ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>The contact form's fields as the API reference shows them (a form post has the same names, plus <c>attachment</c>).</summary>
public sealed record ContactFormBody(string Name, string Email, string Subject, string Message, string? Session, string? Website);
