using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Mail;

/// <summary>Section <c>Inbound</c>: how the webhooks that receive mail are protected and bounded.</summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>Shared secret of the inbound webhooks: the <c>key</c> query parameter or the HTTP Basic password.</summary>
    [Required(ErrorMessage = "Inbound:WebhookSecret is missing: set Inbound__WebhookSecret to a long random string (./scripts/run.sh makes one locally).")]
    [MinLength(16, ErrorMessage = "Inbound:WebhookSecret must be at least 16 characters.")]
    public string WebhookSecret { get; set; } = "";

    /// <summary>Largest accepted message (raw MIME or form post), in bytes; larger requests get 413.</summary>
    [Range(1024, 1L << 31)]
    public long MaxMessageBytes { get; set; } = 30L * 1024 * 1024;

    /// <summary>
    /// Public key (base64 DER, as SendGrid shows it) of a signed Inbound Parse security policy. When set, the
    /// SendGrid webhook also requires a valid ECDSA signature.
    /// </summary>
    public string? SendGridVerificationKey { get; set; }

    /// <summary>
    /// authserv-ids of the server that receives our mail (e.g. <c>mx.sendgrid.net</c>) whose Authentication-Results
    /// and ARC-Authentication-Results headers are trusted when deciding whether an agent's mail reply really comes
    /// from their domain. Only the topmost such header counts. Empty: only SendGrid's SPF and dkim form fields count.
    /// </summary>
    public List<string> TrustedAuthServIds { get; set; } = [];
}
