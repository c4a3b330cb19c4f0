using System.Text.Json;
using Switchboard.Storage;
using Switchboard.Storage.Mail;

namespace Switchboard.Handlers.Mail;

/// <summary>
/// Keeps outgoing mail in the <c>MailSink</c> table instead of sending it, for the dev mail view. Everything a real
/// message would carry beyond From/To/Subject (Cc, Reply-To, Message-ID, threading headers, attachment names, custom
/// args) is kept among its headers, so the view shows it.
/// </summary>
public sealed class MailSinkSender(MailSinkStore sink, TimeProvider time) : IMailSender
{
    public async Task<MailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var headers = new Dictionary<string, string>(email.Headers ?? new Dictionary<string, string>());
        if (email.Cc.Count > 0) headers["Cc"] = string.Join(", ", email.Cc);
        if (email.ReplyTo is { } replyTo) headers["Reply-To"] = replyTo;
        if (email.MessageId is { } messageId) headers["Message-ID"] = $"<{messageId}>";
        if (email.Attachments.Count > 0)
        {
            headers["X-Attachments"] = string.Join(", ", email.Attachments.Select(a => $"{a.Name} ({a.ContentType}, {a.Content.Length} bytes)"));
        }
        foreach (var (name, value) in email.CustomArgs)
        {
            headers[$"X-Custom-Arg-{name}"] = value;
        }
        var id = await sink.AddAsync(new SinkMailEntity
        {
            From = email.From,
            To = string.Join(", ", email.To),
            Subject = email.Subject,
            Text = email.Text,
            Html = email.Html,
            Headers = JsonSerializer.Serialize(headers, JsonDefaults.Options),
        }, time.GetUtcNow(), cancellationToken);
        return new MailSendResult("sink-" + id);
    }
}
