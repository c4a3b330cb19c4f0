namespace Switchboard.Handlers.Mail;

/// <summary>
/// Sends one email. Locally and in tests the <see cref="MailSinkSender"/> keeps it for the dev mail view; SendGrid
/// takes its place in Azure once replies go out (setting <c>Mail:Sender</c>).
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}

/// <summary>An email as the product composes it; <paramref name="Headers"/> are extra ones (e.g. Auto-Submitted).</summary>
public sealed record OutgoingEmail(
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string Text,
    string? Html = null,
    IReadOnlyDictionary<string, string>? Headers = null);
