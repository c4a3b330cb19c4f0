using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Switchboard.Handlers.Mail;

/// <summary>Section <c>Mail</c>: the addresses we receive mail for and the domain of the Message-IDs we create.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>Support addresses, the first being the default (e.g. support@acme.test, billing@acme.test).</summary>
    [Required, MinLength(1, ErrorMessage = "Mail:Mailboxes needs at least one address, e.g. Mail__Mailboxes__0=support@yourdomain.com.")]
    public List<string> Mailboxes { get; set; } = [];

    /// <summary>Right-hand side of our Message-IDs (sb.*@domain). Defaults to the first mailbox's domain.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>
    /// Where outgoing mail goes: <c>sink</c> (the default) keeps it in the MailSink table for the dev mail view;
    /// <c>sendgrid</c> sends it with SendGrid (needs <c>SendGrid:ApiKey</c>).
    /// </summary>
    [RegularExpression("^(sink|sendgrid)$", ErrorMessage = "Mail:Sender must be 'sink' or 'sendgrid'.")]
    public string Sender { get; set; } = SinkSender;

    public const string SinkSender = "sink";
    public const string SendGridSender = "sendgrid";

    public bool UsesSink => Sender == SinkSender;

    /// <summary>The team's name in the From line of replies: "Alice at {TeamName}" &lt;support@…&gt;. Empty: the agent's first name only.</summary>
    public string? TeamName { get; set; }

    /// <summary>Largest total size of one reply's attachments, in bytes (decoded); larger replies get 413.</summary>
    [Range(1024, 30L * 1024 * 1024)]
    public long MaxAttachmentBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Tries of one outbound email before it is marked failed (transient failures only; permanent ones fail at once).</summary>
    [Range(1, 20)]
    public int MaxDeliveryAttempts { get; set; } = 6;

    /// <summary>Wait before the second try; it doubles with each further try (at most 6 hours).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one delivery may hold a reply marked as being sent (longer than a SendGrid call may take). A redelivery
    /// that finds the mark older than this knows the delivery died mid-send: it marks the reply failed instead of
    /// sending it a second time (the provider may have taken it).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Mailboxes.Count; i++)
        {
            if (!MailAddress.TryCreate(Mailboxes[i]?.Trim(), out var parsed) || parsed.Address != Mailboxes[i]?.Trim() || parsed.DisplayName.Length > 0)
            {
                yield return new ValidationResult(
                    $"Mail:Mailboxes:{i} ('{Mailboxes[i]}') is not a plain email address like support@yourdomain.com.", [nameof(Mailboxes)]);
            }
        }
    }

    public string EffectiveMessageIdDomain() =>
        MessageIdDomain is { Length: > 0 } domain ? domain : Mailboxes[0][(Mailboxes[0].IndexOf('@') + 1)..];
}
