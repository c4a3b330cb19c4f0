using Switchboard.Core.Nps;

namespace Switchboard.UnitTests.Nps;

public sealed class NetPromoterScoreTests
{
    [Fact]
    public void Promoters_minus_detractors_as_a_share_of_everyone_who_answered()
    {
        // 5 promoters, 3 passives, 2 detractors of 10: 50% - 20% = 30.
        var nps = NetPromoterScore.Of([10, 9, 9, 10, 9, 8, 7, 7, 6, 0]);

        Assert.Equal((10, 5, 3, 2), (nps.Responses, nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(30, nps.Score);
    }

    [Fact]
    public void Passives_lower_the_score_only_by_being_counted()
    {
        Assert.Equal(100, NetPromoterScore.Of([10, 9]).Score);
        Assert.Equal(50, NetPromoterScore.Of([10, 9, 8, 7]).Score);
        Assert.Equal(-100, NetPromoterScore.Of([6, 0, 3]).Score);
    }

    [Fact]
    public void Seven_is_passive_and_six_a_detractor()
    {
        Assert.Equal(0, NetPromoterScore.Of([7]).Score);
        Assert.Equal(-100, NetPromoterScore.Of([6]).Score);
        Assert.Equal(100, NetPromoterScore.Of([9]).Score);
    }

    [Fact]
    public void No_answers_is_no_score_not_zero() => Assert.Null(NetPromoterScore.Of([]).Score);

    [Fact]
    public void Thirds_round_to_the_nearest_point() => Assert.Equal(33, NetPromoterScore.Of([10, 8, 8]).Score);

    [Fact]
    public void An_answer_outside_0_to_10_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Of([11]));
}
