using System.ComponentModel.DataAnnotations;

namespace Switchboard.Handlers.Nps;

/// <summary>Section <c>Nps</c>: which mailboxes survey their customers after a close, and how many days after.</summary>
public sealed class NpsOptions : IValidatableObject
{
    public const string Section = "Nps";

    /// <summary>Mailboxes whose closed conversations get the survey; none by default.</summary>
    public List<NpsMailbox> Mailboxes { get; set; } = [];

    public NpsMailbox? For(string mailbox) =>
        Mailboxes.FirstOrDefault(m => string.Equals(m.Address.Trim(), mailbox.Trim(), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (mailbox, i) in Mailboxes.Select((m, i) => (m, i)))
        {
            if (!mailbox.Address.Contains('@'))
            {
                yield return new ValidationResult($"Nps:Mailboxes:{i}:Address must be a mailbox address.", [nameof(Mailboxes)]);
            }
            if (mailbox.DaysAfterClose is < 1 or > NpsMailbox.MaxDaysAfterClose)
            {
                yield return new ValidationResult($"Nps:Mailboxes:{i}:DaysAfterClose must be 1 to {NpsMailbox.MaxDaysAfterClose}.", [nameof(Mailboxes)]);
            }
        }
    }
}

/// <summary>One surveying mailbox: the survey goes <see cref="DaysAfterClose"/> days after a conversation closed.</summary>
public sealed class NpsMailbox
{
    public const int MaxDaysAfterClose = 60;

    public string Address { get; set; } = "";

    public int DaysAfterClose { get; set; } = 7;
}
