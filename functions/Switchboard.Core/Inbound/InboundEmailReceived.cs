namespace Switchboard.Core.Inbound;

/// <summary>
/// The queue message a webhook sends once the raw mail is stored: small, and enough to process it again at any time.
/// </summary>
/// <param name="Id">Unique per delivery; also the raw blob's file name.</param>
/// <param name="RawBlobName">Where the raw RFC 5322 bytes are, in the <c>mail</c> container.</param>
/// <param name="Source">"sendgrid-raw", "sendgrid-parsed" or "mime".</param>
/// <param name="EnvelopeTo">SMTP envelope recipients, when the sender of the webhook knows them.</param>
/// <param name="ProviderAuthentication">
/// What the webhook's sender (SendGrid Inbound Parse: its <c>SPF</c> and <c>dkim</c> fields) found checking the
/// sender, as an Authentication-Results value (<see cref="SenderAuthentication.FromSendGridFields"/>); null when it said nothing.
/// </param>
public sealed record InboundEmailReceived(
    string Id,
    string RawBlobName,
    DateTimeOffset ReceivedAt,
    string Source,
    IReadOnlyList<string> EnvelopeTo,
    string? EnvelopeFrom,
    string? ProviderAuthentication = null);
