namespace Switchboard.Core.Metrics;

/// <summary>The kinds of <see cref="MetricFact"/>.</summary>
public static class MetricFactKinds
{
    public const string Opened = "opened";
    public const string Reopened = "reopened";
    public const string Reply = "reply";
    public const string FirstResponse = "first-response";
    public const string Closed = "closed";
    public const string Rating = "rating";
    public const string KbVisit = "kb-visit";
    public const string KbVote = "kb-vote";
    public const string Page = "page";
    public const string Nps = "nps";
}

/// <summary>Ratings a customer can give a reply, as stored and as the links name them.</summary>
public static class Ratings
{
    public const string Great = "great";
    public const string Okay = "okay";
    public const string NotGood = "not-good";

    public static readonly IReadOnlyList<string> All = [Great, Okay, NotGood];

    public static bool IsKnown(string? rating) => rating is Great or Okay or NotGood;
}

/// <summary>
/// One thing that happened on one day, as much as a day's roll-up needs of it. Facts are keyed by what they describe
/// (a conversation's first response, a reply's rating), so recording one twice leaves one; a day's
/// <see cref="MetricRollup"/> is recomputed from all of its facts, never incremented.
/// </summary>
/// <param name="Seconds">First response or resolution: calendar time since the conversation opened; page: time to acknowledge (null while unacknowledged).</param>
/// <param name="BusinessSeconds">The same within the mailbox's support hours.</param>
/// <param name="WithinTarget">First response: answered within the mailbox's first-response target.</param>
/// <param name="Replies">Closed: replies the conversation had when it closed.</param>
/// <param name="Rating">Rating: one of <see cref="Ratings"/>.</param>
/// <param name="Yes">KB vote: helpful. KB visit: opened a suggested article.</param>
/// <param name="Submitted">KB visit: sent the contact form.</param>
/// <param name="Score">NPS answer: 0 to 10.</param>
public sealed record MetricFact(
    string Kind,
    double? Seconds = null,
    double? BusinessSeconds = null,
    bool? WithinTarget = null,
    int? Replies = null,
    string? Rating = null,
    bool? Yes = null,
    bool? Submitted = null,
    int? Score = null);
