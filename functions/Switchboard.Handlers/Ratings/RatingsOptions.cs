namespace Switchboard.Handlers.Ratings;

/// <summary>Section <c>Ratings</c>: which mailboxes' replies carry the one-click satisfaction links.</summary>
public sealed class RatingsOptions
{
    public const string Section = "Ratings";

    /// <summary>Mailbox addresses whose outgoing replies ask "How did we do?"; none by default.</summary>
    public List<string> Mailboxes { get; set; } = [];

    public bool IsOn(string mailbox) => Mailboxes.Any(m => string.Equals(m.Trim(), mailbox.Trim(), StringComparison.OrdinalIgnoreCase));
}
