using System.Text.Json;
using Switchboard.Storage;
using Switchboard.Storage.Mail;

namespace Switchboard.Handlers.Mail;

/// <summary>Keeps outgoing mail in the <c>MailSink</c> table instead of sending it, for the dev mail view.</summary>
public sealed class MailSinkSender(MailSinkStore sink, TimeProvider time) : IMailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        await sink.AddAsync(new SinkMailEntity
        {
            From = email.From,
            To = string.Join(", ", email.To),
            Subject = email.Subject,
            Text = email.Text,
            Html = email.Html,
            Headers = JsonSerializer.Serialize(email.Headers ?? new Dictionary<string, string>(), JsonDefaults.Options),
        }, time.GetUtcNow(), cancellationToken);
    }
}
