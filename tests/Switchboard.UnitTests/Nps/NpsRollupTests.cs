using Switchboard.Core.Metrics;
using Switchboard.Core.Nps;

namespace Switchboard.UnitTests.Nps;

public sealed class NpsRollupTests
{
    private static MetricFact Answer(int score) => new(MetricFactKinds.Nps, Score: score);

    [Fact]
    public void A_days_answers_count_as_promoters_passives_and_detractors()
    {
        var day = MetricRollup.Of([Answer(10), Answer(9), Answer(8), Answer(7), Answer(6), Answer(0)]);

        Assert.Equal(2, day.Counts[MetricCounts.NpsPromoters]);
        Assert.Equal(2, day.Counts[MetricCounts.NpsPassives]);
        Assert.Equal(2, day.Counts[MetricCounts.NpsDetractors]);
    }

    [Fact]
    public void A_week_merges_its_days_and_scores_promoters_minus_detractors()
    {
        var week = new MetricRollup();
        week.Merge(MetricRollup.Of([Answer(10), Answer(9), Answer(9)]));
        week.Merge(MetricRollup.Of([Answer(7), Answer(3)]));

        var c = week.Counts;
        var nps = new NetPromoterScore((int)(c[MetricCounts.NpsPromoters] + c[MetricCounts.NpsPassives] + c[MetricCounts.NpsDetractors]),
            (int)c[MetricCounts.NpsPromoters], (int)c[MetricCounts.NpsPassives], (int)c[MetricCounts.NpsDetractors]);
        Assert.Equal(5, nps.Responses);
        Assert.Equal(40, nps.Score); // (3 - 1) / 5
        Assert.Equal(nps, NetPromoterScore.Of([10, 9, 9, 7, 3]));
    }

    [Fact]
    public void Without_answers_there_is_no_score()
    {
        var c = MetricRollup.Of([new MetricFact(MetricFactKinds.Opened)]).Counts;
        Assert.Equal(0, c[MetricCounts.NpsPromoters] + c[MetricCounts.NpsPassives] + c[MetricCounts.NpsDetractors]);
        Assert.Null(NetPromoterScore.Of([]).Score);
    }
}
