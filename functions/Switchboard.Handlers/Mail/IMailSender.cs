namespace Switchboard.Handlers.Mail;

/// <summary>
/// Sends one email: the <see cref="MailSinkSender"/> keeps it for the dev mail view (locally and in tests), the
/// <see cref="SendGridSender"/> sends it (setting <c>Mail:Sender</c>).
/// </summary>
public interface IMailSender
{
    /// <exception cref="MailSendFailedException">The provider refused the mail or could not be reached.</exception>
    Task<MailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}

/// <summary>
/// An email as the product composes it. <paramref name="From"/> is a display address (<c>"Name" &lt;address&gt;</c>);
/// <paramref name="Headers"/> are extra ones (Auto-Submitted, In-Reply-To, References, Thread-Index, …).
/// </summary>
public sealed record OutgoingEmail(
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string Text,
    string? Html = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public IReadOnlyList<string> Cc { get; init; } = [];

    public string? ReplyTo { get; init; }

    /// <summary>Our Message-ID (without angle brackets), so replies and bounces find their way back.</summary>
    public string? MessageId { get; init; }

    public IReadOnlyList<OutgoingAttachment> Attachments { get; init; } = [];

    /// <summary>Values the provider hands back with its delivery events (conversation and message ids).</summary>
    public IReadOnlyDictionary<string, string> CustomArgs { get; init; } = new Dictionary<string, string>();
}

public sealed record OutgoingAttachment(string Name, string ContentType, byte[] Content);

/// <param name="ProviderMessageId">The provider's id of the accepted mail (SendGrid's X-Message-Id), when it gives one.</param>
public sealed record MailSendResult(string? ProviderMessageId);

/// <summary>
/// The mail was not accepted. <see cref="Transient"/>: worth trying again later (timeouts, 429, 5xx); otherwise
/// the same request will never succeed (bad address, rejected content, bad API key).
/// </summary>
public sealed class MailSendFailedException(bool transient, string detail, int? status = null, Exception? inner = null)
    : Exception(detail, inner)
{
    public bool Transient { get; } = transient;

    public int? Status { get; } = status;
}
