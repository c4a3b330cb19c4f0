using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Phone;

/// <summary>Settings <c>Twilio:*</c>: where texts and calls go, and the secret that signs Twilio's webhooks (docs/settings.md).</summary>
public sealed class TwilioOptions : IValidatableObject
{
    public const string Section = "Twilio";
    public const string SinkSender = "sink";
    public const string TwilioSender = "twilio";

    /// <summary><c>sink</c> (the default) records texts and calls in the PhoneSink table; <c>twilio</c> sends them.</summary>
    [RegularExpression("^(sink|twilio)$", ErrorMessage = "Twilio:Sender must be 'sink' or 'twilio'.")]
    public string Sender { get; set; } = SinkSender;

    public bool UsesSink => Sender == SinkSender;

    public string? AccountSid { get; set; }

    /// <summary>Authenticates API calls and signs the webhooks Twilio sends (<c>X-Twilio-Signature</c>). Without it every webhook is refused.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The Twilio number texts and calls come from, in E.164.</summary>
    public string? FromNumber { get; set; }

    /// <summary>Tries of one Twilio API request on transient failures (429, 5xx, timeouts), the first included.</summary>
    [Range(2, 6)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sender == TwilioSender)
        {
            if (AccountSid is not { Length: > 0 } || AuthToken is not { Length: > 0 })
            {
                yield return new ValidationResult("Twilio:AccountSid and Twilio:AuthToken are needed when Twilio:Sender is twilio.", [nameof(AccountSid)]);
            }
            if (E164Numbers.Normalize(FromNumber) is not { Number: not null })
            {
                yield return new ValidationResult("Twilio:FromNumber must be the account's number in E.164 (+14155550100) when Twilio:Sender is twilio.", [nameof(FromNumber)]);
            }
        }
    }
}
