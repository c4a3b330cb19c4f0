using Switchboard.Core.OnCall;
using static Switchboard.UnitTests.OnCall.Rota;

namespace Switchboard.UnitTests.OnCall;

/// <summary>When nobody is on call, say so, since when, and who comes on shift next, so escalation can hold for them.</summary>
public sealed class GapTests
{
    private const string Berlin = "Europe/Berlin";

    private static readonly OnCallCalculator BusinessHoursOnly = new(Schedule(Berlin,
        Layer(ShiftLength.Daily, "09:00", "2026-06-01", "cem", "dev").Restricted(BusinessHours)));

    [Fact]
    public void Weekday_evening_is_a_gap_until_the_next_morning_when_the_next_person_comes_on_shift()
    {
        var evening = BusinessHoursOnly.At(Local(Berlin, "2026-06-02 20:00"));

        Assert.True(evening.IsGap);
        Assert.Null(evening.AgentId);
        Assert.Equal("2026-06-02 17:00", Clock(Berlin, evening.Since));
        Assert.Equal("2026-06-03 09:00", Clock(Berlin, evening.Until));
        Assert.Equal(new OnCallHandOff("cem", Local(Berlin, "2026-06-03 09:00")), evening.Next);
    }

    [Fact]
    public void Friday_evening_gap_lasts_the_weekend_and_Monday_mornings_person_is_next()
    {
        var friday = BusinessHoursOnly.At(Local(Berlin, "2026-06-05 18:00"));

        Assert.True(friday.IsGap);
        Assert.Equal("2026-06-08 09:00", Clock(Berlin, friday.Next?.At));
        Assert.Equal("dev", friday.Next?.AgentId);
    }

    [Fact]
    public void Someone_on_call_before_a_gap_is_told_who_comes_on_after_it()
    {
        var afternoon = BusinessHoursOnly.At(Local(Berlin, "2026-06-05 16:00"));

        Assert.Equal("cem", afternoon.AgentId);
        Assert.Equal("2026-06-05 17:00", Clock(Berlin, afternoon.Until));
        Assert.Equal(new OnCallHandOff("dev", Local(Berlin, "2026-06-08 09:00")), afternoon.Next);
    }

    [Fact]
    public void Before_the_rotation_starts_nobody_is_on_call_and_the_first_participant_is_next()
    {
        var before = BusinessHoursOnly.At(Local(Berlin, "2026-05-29 12:00"));

        Assert.True(before.IsGap);
        Assert.Equal(new OnCallHandOff("cem", Local(Berlin, "2026-06-01 09:00")), before.Next);
    }

    [Fact]
    public void Gaps_over_a_week_are_the_nights_and_the_weekend()
    {
        var gaps = BusinessHoursOnly.Gaps(Local(Berlin, "2026-06-01 00:00"), Local(Berlin, "2026-06-08 00:00"));

        Assert.Equal(
            ["06-01 00:00–06-01 09:00", "06-01 17:00–06-02 09:00", "06-02 17:00–06-03 09:00", "06-03 17:00–06-04 09:00",
             "06-04 17:00–06-05 09:00", "06-05 17:00–06-08 00:00"],
            gaps.Select(g => $"{Clock(Berlin, g.Start)[5..]}–{Clock(Berlin, g.End)[5..]}"));
    }
}
