using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using MimeKit;
using Switchboard.Core.Threading;
using Switchboard.Handlers.Inbound;
using Switchboard.Handlers.KnowledgeBase.Public;
using Switchboard.Handlers.Mail;
using Switchboard.Storage.KnowledgeBase;
using Switchboard.Handlers.Metrics;

namespace Switchboard.Handlers.KnowledgeBase.Contact;

/// <summary>
/// <c>POST /api/public/contact</c>: the contact form. The visitor's message becomes an email to the support mailbox,
/// built with MimeKit and accepted exactly as the inbound webhooks accept mail (<see cref="InboundAcceptance"/>: raw
/// message stored, then queued), so it starts a conversation like any email and the customer's later replies join
/// it. The visitor then gets the team's confirmation (<see cref="ContactSettings"/>). Every accepted post answers the
/// same words and sends the same confirmation, whoever the address belongs to: the form tells no one who is a customer.
/// </summary>
public sealed partial class PostContact(
    PublicApi api, InboundAcceptance acceptance, ContactSettingsStore settings, KbFeedbackStore visits, MetricsRecorder metrics, IMailSender mail,
    IOptions<MailOptions> mailOptions, OwnMessageIds ownMessageIds, IOptions<KnowledgeBaseOptions> kbOptions, TimeProvider time, ILogger<PostContact> logger)
{
    public static readonly PublicLimit Limit = new("contact", 5, TimeSpan.FromHours(1));

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (await api.LimitAsync(request, Limit, cancellationToken) is { } tooMany)
        {
            return tooMany;
        }
        var (form, invalid) = await ContactForm.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return invalid!;
        }
        var words = ContactSettings.Of(await settings.GetAsync(cancellationToken));
        var answer = Answer(request, words);
        if (form.Website is { Length: > 0 })
        {
            return answer;
        }

        var mailbox = mailOptions.Value.Mailboxes[0];
        var message = Compose(form, mailbox);
        using var raw = new MemoryStream();
        await message.WriteToAsync(raw, cancellationToken);
        var accepted = await acceptance.AcceptAsync(raw.ToArray(), "contact-form", [mailbox], form.Email, cancellationToken);
        if (accepted is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status202Accepted })
        {
            return accepted;
        }
        var messageId = message.MessageId!;
        var session = form.Session ?? "form-" + messageId;
        await visits.MarkVisitAsync(session, time.GetUtcNow(), submitted: true, cancellationToken: cancellationToken);
        await metrics.RecordKbVisitAsync(session, time.GetUtcNow(), opened: false, submitted: true, cancellationToken);
        await ConfirmAsync(form, messageId, mailbox, words, cancellationToken);
        return answer;
    }

    /// <summary>The visitor's message as an email from them to the support mailbox.</summary>
    public MimeMessage Compose(ContactForm form, string mailbox)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(form.Name, form.Email));
        message.To.Add(MailboxAddress.Parse(mailbox));
        message.Subject = form.Subject;
        message.Date = time.GetUtcNow();
        // Not one of our own ids (those are "sb.…"): this message came from a visitor, not from us.
        message.MessageId = $"contact.{Guid.NewGuid():N}@{ownMessageIds.Domain}";
        message.Headers.Add("X-Switchboard-Source", "contact-form");
        var body = new BodyBuilder { TextBody = form.Message };
        if (form.Attachment is { } file)
        {
            body.Attachments.Add(file.FileName, file.Content, ContentType.TryParse(file.ContentType, out var type) ? type : new ContentType("application", "octet-stream"));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>A failed confirmation does not undo the message: it is stored and queued already, and is what counts.</summary>
    private async Task ConfirmAsync(ContactForm form, string contactMessageId, string mailbox, ContactSettings words, CancellationToken cancellationToken)
    {
        var (subject, text) = words.Confirmation(form.Name, form.Subject);
        var team = mailOptions.Value.TeamName is { Length: > 0 } name ? name : "Support";
        var email = new OutgoingEmail(new MailboxAddress(team, mailbox).ToString(), [form.Email], subject, text, Headers: new Dictionary<string, string>
        {
            // A reply to the confirmation threads into the conversation the message started.
            ["In-Reply-To"] = $"<{contactMessageId}>",
            ["References"] = $"<{contactMessageId}>",
            ["Auto-Submitted"] = "auto-replied",
        })
        {
            ReplyTo = mailbox,
            MessageId = ownMessageIds.Create("confirm"),
        };
        try
        {
            await mail.SendAsync(email, cancellationToken);
        }
        catch (MailSendFailedException e)
        {
            LogConfirmationFailed(e, contactMessageId);
        }
    }

    /// <summary>202 with the same words for everyone; a form posted without script goes on to the site's thank-you page.</summary>
    private IResult Answer(HttpRequest request, ContactSettings words)
    {
        if (request.HasFormContentType && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            var site = kbOptions.Value.Url is { Length: > 0 } url ? url : "/kb/";
            return Results.Redirect(site + "contact/sent/");
        }
        return PublicApi.Accepted($"Thanks, we have your message. A confirmation is on its way to your inbox, and we answer {words.ResponseTime}.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The contact form's confirmation for {MessageId} could not be sent; the message itself is accepted.")]
    private partial void LogConfirmationFailed(Exception exception, string messageId);
}
