namespace Switchboard.Core.Threading;

/// <summary>Settings of the threading fallback (section <c>Threading</c>).</summary>
public sealed class ThreadingOptions
{
    public const string Section = "Threading";

    /// <summary>
    /// How long after a conversation's last activity a reply may still join it by subject alone, and how long after
    /// closing a reply may still reopen it; past this, a reply starts a new conversation that links the old one.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many Message-IDs of In-Reply-To and References are looked up, newest first.</summary>
    public int MaxReferenceLookups { get; set; } = 20;
}
