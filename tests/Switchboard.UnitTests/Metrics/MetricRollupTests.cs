using Switchboard.Core.Metrics;

namespace Switchboard.UnitTests.Metrics;

public sealed class MetricRollupTests
{
    [Fact]
    public void A_days_facts_become_counts_and_durations()
    {
        var day = MetricRollup.Of(
        [
            new MetricFact(MetricFactKinds.Opened),
            new MetricFact(MetricFactKinds.Opened),
            new MetricFact(MetricFactKinds.FirstResponse, Seconds: 600, BusinessSeconds: 300, WithinTarget: true),
            new MetricFact(MetricFactKinds.Closed, Seconds: 7200, BusinessSeconds: 3600, Replies: 3),
            new MetricFact(MetricFactKinds.Rating, Rating: Ratings.NotGood),
            new MetricFact(MetricFactKinds.KbVisit, Yes: true, Submitted: true),
            new MetricFact(MetricFactKinds.KbVisit, Yes: true),
            new MetricFact(MetricFactKinds.KbVisit),
            new MetricFact(MetricFactKinds.Page),
        ]);

        Assert.Equal(2, day.Counts[MetricCounts.Opened]);
        Assert.Equal(1, day.Counts[MetricCounts.WithinTarget]);
        Assert.Equal(3, day.Counts[MetricCounts.RepliesOfClosed]);
        Assert.Equal(1, day.Counts[MetricCounts.RatedNotGood]);
        Assert.Equal((1, 1), (day.Counts[MetricCounts.KbContacted], day.Counts[MetricCounts.KbDeflected]));
        Assert.Equal((1, 0), (day.Counts[MetricCounts.Pages], day.Counts[MetricCounts.PagesAcknowledged]));
        Assert.Equal(300, day.FirstResponseBusiness.MedianSeconds);
        Assert.Equal(7200, day.Resolution.MedianSeconds);
    }

    [Fact]
    public void A_week_adds_its_days_and_keeps_the_last_known_backlog()
    {
        var monday = MetricRollup.Of([new MetricFact(MetricFactKinds.Opened)]);
        monday.Backlog = 4;
        var tuesday = MetricRollup.Of([new MetricFact(MetricFactKinds.Opened)]);
        var week = new MetricRollup();
        week.Merge(monday);
        week.Merge(tuesday);

        Assert.Equal(2, week.Counts[MetricCounts.Opened]);
        Assert.Equal(4, week.Backlog);
    }
}
