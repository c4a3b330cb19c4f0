using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Mail;

/// <summary>
/// Section <c>SendGrid</c>: the API key outgoing mail is sent with (when <c>Mail:Sender</c> is <c>sendgrid</c>) and
/// the public key that verifies the signed Event Webhook.
/// </summary>
public sealed class SendGridOptions : IValidatableObject
{
    public const string Section = "SendGrid";

    /// <summary>A key with the Mail Send permission; in Azure a Key Vault reference (app setting <c>SendGrid__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Base URL of the v3 API; empty for SendGrid's own (https://api.sendgrid.com). Tests point it at a fake.</summary>
    public string? ApiHost { get; set; }

    /// <summary>
    /// Verification key of the Signed Event Webhook (base64 DER, as SendGrid shows it). Without it the delivery-event
    /// route refuses every post (401): unsigned events could mark any reply delivered.
    /// </summary>
    public string? EventWebhookPublicKey { get; set; }

    /// <summary>Signed event posts older (or further in the future) than this are refused, so a captured post cannot be replayed later.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan EventWebhookMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one call to the Mail Send API may take before it counts as a transient failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiHost is { Length: > 0 } host && !(Uri.TryCreate(host, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"SendGrid:ApiHost ('{host}') must be an absolute URL such as https://api.sendgrid.com.", [nameof(ApiHost)]);
        }
    }
}
