using System.Collections.ObjectModel;

namespace Switchboard.Core.Metrics;

/// <summary>
/// Named counts of one period (conversations opened, replies sent, "great" ratings…), mergeable like
/// <see cref="DurationHistogram"/>: a week is the sum of its days. Names are <see cref="MetricCounts"/>.
/// </summary>
public sealed class MetricTally
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    public long this[string name] => counts.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, long> Counts => new ReadOnlyDictionary<string, long>(counts);

    public void Add(string name, long count = 1)
    {
        if (count != 0)
        {
            counts[name] = counts.GetValueOrDefault(name) + count;
        }
    }

    public void Merge(MetricTally other)
    {
        foreach (var (name, count) in other.counts)
        {
            Add(name, count);
        }
    }
}

/// <summary>The names a <see cref="MetricTally"/> counts; also the roll-up's table properties.</summary>
public static class MetricCounts
{
    public const string Opened = "Opened";
    public const string Closed = "Closed";
    public const string Reopened = "Reopened";
    public const string Replies = "Replies";
    /// <summary>Replies counted on the conversations closed in the period (for replies per conversation).</summary>
    public const string RepliesOfClosed = "RepliesOfClosed";
    public const string FirstResponses = "FirstResponses";
    public const string WithinTarget = "WithinTarget";
    public const string RatedGreat = "RatedGreat";
    public const string RatedOkay = "RatedOkay";
    public const string RatedNotGood = "RatedNotGood";
    public const string KbDeflected = "KbDeflected";
    public const string KbContacted = "KbContacted";
    public const string KbHelpful = "KbHelpful";
    public const string KbNotHelpful = "KbNotHelpful";
    public const string Pages = "Pages";
    public const string PagesAcknowledged = "PagesAcknowledged";
    public const string NpsPromoters = "NpsPromoters";
    public const string NpsPassives = "NpsPassives";
    public const string NpsDetractors = "NpsDetractors";

    public static readonly IReadOnlyList<string> All =
    [
        Opened, Closed, Reopened, Replies, RepliesOfClosed, FirstResponses, WithinTarget, RatedGreat, RatedOkay, RatedNotGood,
        KbDeflected, KbContacted, KbHelpful, KbNotHelpful, Pages, PagesAcknowledged, NpsPromoters, NpsPassives, NpsDetractors,
    ];
}
