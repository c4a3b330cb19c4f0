using System.Net;
using System.Net.Mail;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Switchboard.Handlers.Mail;

/// <summary>
/// Sends through SendGrid's v3 Mail Send API with the official client. Our Message-ID, the threading headers and
/// custom args (so Event Webhook events map back to the message) travel with the mail; SendGrid's X-Message-Id is
/// returned. 429, 5xx and timeouts are transient; any other refusal is permanent.
/// </summary>
public sealed class SendGridSender : IMailSender, IDisposable
{
    private const int MaxDetailChars = 500;

    private readonly HttpClient http;
    private readonly SendGridClient client;

    public SendGridSender(IOptions<SendGridOptions> options)
    {
        var settings = options.Value;
        http = new HttpClient { Timeout = settings.Timeout };
        var clientOptions = new SendGridClientOptions { ApiKey = settings.ApiKey };
        if (settings.ApiHost is { Length: > 0 } host)
        {
            clientOptions.Host = host.TrimEnd('/');
        }
        client = new SendGridClient(http, clientOptions);
    }

    public async Task<MailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var message = Compose(email);
        Response response;
        try
        {
            response = await client.SendEmailAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new MailSendFailedException(true, $"SendGrid could not be reached: {e.Message}", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailSendFailedException(true, "SendGrid did not answer in time.", null, e);
        }
        if (response.IsSuccessStatusCode)
        {
            return new MailSendResult(response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null);
        }
        var status = (int)response.StatusCode;
        var body = await response.Body.ReadAsStringAsync(cancellationToken);
        var detail = $"SendGrid answered {status}: {(body.Length > MaxDetailChars ? body[..MaxDetailChars] + "…" : body)}";
        throw new MailSendFailedException(IsTransient(response.StatusCode), detail, status);
    }

    public static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    public static SendGridMessage Compose(OutgoingEmail email)
    {
        var message = new SendGridMessage { Subject = email.Subject, PlainTextContent = email.Text };
        if (email.Html is { Length: > 0 } html)
        {
            message.HtmlContent = html;
        }
        message.SetFrom(Address(email.From));
        var to = email.To.Select(Address).DistinctBy(a => a.Email.ToLowerInvariant()).ToList();
        message.AddTos(to);
        // SendGrid refuses a personalization that names one address twice.
        var cc = email.Cc.Select(Address).Where(c => !to.Any(t => t.Email.Equals(c.Email, StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(a => a.Email.ToLowerInvariant()).ToList();
        if (cc.Count > 0)
        {
            message.AddCcs(cc);
        }
        if (email.ReplyTo is { } replyTo)
        {
            message.SetReplyTo(Address(replyTo));
        }
        var headers = new Dictionary<string, string>(email.Headers ?? new Dictionary<string, string>());
        if (email.MessageId is { } messageId)
        {
            headers["Message-ID"] = $"<{messageId}>";
        }
        // Message-wide (not per personalization): one recipient list, and the Event Webhook echoes custom args either way.
        if (headers.Count > 0)
        {
            message.Headers = headers;
        }
        if (email.CustomArgs.Count > 0)
        {
            message.CustomArgs = new Dictionary<string, string>(email.CustomArgs);
        }
        foreach (var attachment in email.Attachments)
        {
            message.AddAttachment(attachment.Name, Convert.ToBase64String(attachment.Content), attachment.ContentType);
        }
        return message;
    }

    private static EmailAddress Address(string address) =>
        MailAddress.TryCreate(address, out var parsed)
            ? new EmailAddress(parsed.Address, parsed.DisplayName.Length > 0 ? parsed.DisplayName : null)
            : new EmailAddress(address.Trim());

    public void Dispose() => http.Dispose();
}
