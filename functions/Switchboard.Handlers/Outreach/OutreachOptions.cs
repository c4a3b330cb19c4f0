using System.ComponentModel.DataAnnotations;
using Switchboard.Core.Outreach;

namespace Switchboard.Handlers.Outreach;

/// <summary>Settings <c>Outreach:*</c> of error alerts (docs/settings.md, docs/outreach.md): grouping and storm limits.</summary>
public sealed class OutreachOptions : IValidatableObject
{
    public const string Section = "Outreach";

    /// <summary>The mailbox outreach conversations belong to (and whose escalation policy pages); empty: <c>Mail:Mailboxes:0</c>.</summary>
    public string? Mailbox { get; set; }

    /// <summary>Alerts at or above this severity page on-call.</summary>
    public string PageSeverity { get; set; } = "error";

    /// <summary>Alerts about a customer this soon after their previous one join its group (one draft).</summary>
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The window the storm limits count in.</summary>
    public TimeSpan StormWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many new outreach drafts (customers) per storm window; further customers' alerts are counted only.</summary>
    [Range(1, 10_000)]
    public int MaxDraftsPerWindow { get; set; } = 20;

    /// <summary>At most this many alerts page on-call per storm window.</summary>
    [Range(0, 100)]
    public int MaxPagesPerWindow { get; set; } = 3;

    public AlertSeverity PageLevel => AlertSeverities.TryParse(PageSeverity, out var level) ? level : AlertSeverity.Error;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AlertSeverities.TryParse(PageSeverity, out _))
        {
            yield return new ValidationResult($"Outreach:PageSeverity must be {AlertSeverities.Names}.", [nameof(PageSeverity)]);
        }
        if (GroupWindow < TimeSpan.FromMinutes(1) || GroupWindow > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult("Outreach:GroupWindow must be between 00:01:00 and 7.00:00:00.", [nameof(GroupWindow)]);
        }
        if (StormWindow < TimeSpan.FromMinutes(1) || StormWindow > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Outreach:StormWindow must be between 00:01:00 and 1.00:00:00.", [nameof(StormWindow)]);
        }
    }
}
