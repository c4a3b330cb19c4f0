namespace Switchboard.Core.Metrics;

/// <summary>
/// The figures of one period (a day or an ISO week, one mailbox or all): counts and duration histograms, so periods
/// merge into longer ones exactly as if counted together. <see cref="Backlog"/> is a level, not a count: merging keeps
/// the later period's.
/// </summary>
public sealed class MetricRollup
{
    public MetricTally Counts { get; } = new();
    public DurationHistogram FirstResponse { get; } = new();
    public DurationHistogram FirstResponseBusiness { get; } = new();
    public DurationHistogram Resolution { get; } = new();
    public DurationHistogram ResolutionBusiness { get; } = new();
    public DurationHistogram PageAcknowledgement { get; } = new();

    /// <summary>Conversations not closed at the end of the period, when known (see docs/metrics.md).</summary>
    public int? Backlog { get; set; }

    /// <summary>A day's figures from all of its facts.</summary>
    public static MetricRollup Of(IEnumerable<MetricFact> facts)
    {
        var rollup = new MetricRollup();
        foreach (var fact in facts)
        {
            rollup.Count(fact);
        }
        return rollup;
    }

    /// <summary>Adds a later period: counts and histograms add up, the backlog is the later one's when it has one.</summary>
    public void Merge(MetricRollup later)
    {
        Counts.Merge(later.Counts);
        FirstResponse.Merge(later.FirstResponse);
        FirstResponseBusiness.Merge(later.FirstResponseBusiness);
        Resolution.Merge(later.Resolution);
        ResolutionBusiness.Merge(later.ResolutionBusiness);
        PageAcknowledgement.Merge(later.PageAcknowledgement);
        Backlog = later.Backlog ?? Backlog;
    }

    private void Count(MetricFact fact)
    {
        switch (fact.Kind)
        {
            case MetricFactKinds.Opened:
                Counts.Add(MetricCounts.Opened);
                break;
            case MetricFactKinds.Reopened:
                Counts.Add(MetricCounts.Reopened);
                break;
            case MetricFactKinds.Reply:
                Counts.Add(MetricCounts.Replies);
                break;
            case MetricFactKinds.FirstResponse:
                Counts.Add(MetricCounts.FirstResponses);
                Counts.Add(MetricCounts.WithinTarget, fact.WithinTarget == true ? 1 : 0);
                AddSeconds(FirstResponse, fact.Seconds);
                AddSeconds(FirstResponseBusiness, fact.BusinessSeconds);
                break;
            case MetricFactKinds.Closed:
                Counts.Add(MetricCounts.Closed);
                Counts.Add(MetricCounts.RepliesOfClosed, fact.Replies ?? 0);
                AddSeconds(Resolution, fact.Seconds);
                AddSeconds(ResolutionBusiness, fact.BusinessSeconds);
                break;
            case MetricFactKinds.Rating:
                Counts.Add(fact.Rating switch
                {
                    Ratings.Great => MetricCounts.RatedGreat,
                    Ratings.Okay => MetricCounts.RatedOkay,
                    _ => MetricCounts.RatedNotGood,
                });
                break;
            case MetricFactKinds.KbVisit:
                // Deflected: opened a suggested article and did not write in after all (as GetDeflection counts it).
                if (fact.Submitted == true)
                {
                    Counts.Add(MetricCounts.KbContacted);
                }
                else if (fact.Yes == true)
                {
                    Counts.Add(MetricCounts.KbDeflected);
                }
                break;
            case MetricFactKinds.KbVote:
                Counts.Add(fact.Yes == true ? MetricCounts.KbHelpful : MetricCounts.KbNotHelpful);
                break;
            case MetricFactKinds.Page:
                Counts.Add(MetricCounts.Pages);
                if (fact.Seconds is { } ack)
                {
                    Counts.Add(MetricCounts.PagesAcknowledged);
                    PageAcknowledgement.Add(TimeSpan.FromSeconds(ack));
                }
                break;
            case MetricFactKinds.Nps when fact.Score is { } score:
                var answer = Nps.NetPromoterScore.Of([score]);
                Counts.Add(MetricCounts.NpsPromoters, answer.Promoters);
                Counts.Add(MetricCounts.NpsPassives, answer.Passives);
                Counts.Add(MetricCounts.NpsDetractors, answer.Detractors);
                break;
        }
    }

    private static void AddSeconds(DurationHistogram histogram, double? seconds)
    {
        if (seconds is { } s)
        {
            histogram.Add(TimeSpan.FromSeconds(s));
        }
    }
}
