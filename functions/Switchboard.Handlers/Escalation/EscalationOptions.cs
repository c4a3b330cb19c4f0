using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Escalation;

/// <summary>Settings <c>Escalation:*</c>: how checks are bundled and swept (docs/settings.md).</summary>
public sealed class EscalationOptions : IValidatableObject
{
    public const string Section = "Escalation";

    /// <summary>Checks due this soon after one that fires, paging the same person, go out in the same page.</summary>
    public TimeSpan BundleWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How late a check must be before the sweep fires it (its queue message is normally on time).</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A page claimed but never marked sent for this long is taken over (its sender died): late, never lost.</summary>
    public TimeSpan AbandonedClaimAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Shift starts at most this old are notified; older ones (after an outage) are not: the person knows by then.</summary>
    public TimeSpan ShiftStartGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Development only: page webhooks may use http and local or private addresses (refused otherwise: SSRF).</summary>
    public bool AllowLocalWebhooks { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BundleWindow < TimeSpan.Zero || BundleWindow > TimeSpan.FromMinutes(30))
        {
            yield return new ValidationResult("Escalation:BundleWindow must be between 00:00:00 and 00:30:00.", [nameof(BundleWindow)]);
        }
        if (SweepGrace < TimeSpan.Zero || SweepGrace > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Escalation:SweepGrace must be between 00:00:00 and 01:00:00.", [nameof(SweepGrace)]);
        }
        if (AbandonedClaimAfter < TimeSpan.FromSeconds(10) || AbandonedClaimAfter > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Escalation:AbandonedClaimAfter must be between 00:00:10 and 01:00:00.", [nameof(AbandonedClaimAfter)]);
        }
        if (ShiftStartGrace < TimeSpan.FromMinutes(2) || ShiftStartGrace > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Escalation:ShiftStartGrace must be between 00:02:00 and 01:00:00 (it covers a shift-start message that arrives late).", [nameof(ShiftStartGrace)]);
        }
    }
}
