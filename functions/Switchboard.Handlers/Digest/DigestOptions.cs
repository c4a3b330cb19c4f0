using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Digest;

/// <summary>Section <c>Digest</c>: who gets the weekly digest besides the active team (e.g. the whole company's list).</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string Section = "Digest";

    /// <summary>Addresses that get the digest besides every active agent; none by default.</summary>
    public List<string> ExtraRecipients { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (address, i) in ExtraRecipients.Select((a, i) => (a, i)))
        {
            if (address.Trim() is not { Length: > 2 and <= 254 } trimmed || !trimmed.Contains('@') || trimmed.Contains(' '))
            {
                yield return new ValidationResult($"Digest:ExtraRecipients:{i} must be an email address.", [nameof(ExtraRecipients)]);
            }
        }
    }
}
