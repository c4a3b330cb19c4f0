using NodaTime;
using Switchboard.Core.OnCall;
using static Switchboard.UnitTests.OnCall.Rota;

namespace Switchboard.UnitTests.OnCall;

/// <summary>A higher layer wins where it has someone on call; overrides win over every layer.</summary>
public sealed class LayersAndOverridesTests
{
    private const string Berlin = "Europe/Berlin";

    // Round the clock: Ana and Ben swap weekly on Mondays at 09:00, from Monday 1 June 2026.
    private static readonly RotationLayer RoundTheClock = Layer(ShiftLength.Weekly, "09:00", "2026-06-01", "ana", "ben");

    // Business hours only: Cem and Dev swap daily at 09:00, Monday to Friday 09:00–17:00.
    private static readonly RotationLayer Daytime = Layer(ShiftLength.Daily, "09:00", "2026-06-01", "cem", "dev").Restricted(BusinessHours);

    private static readonly OnCallCalculator TwoLayers = new(Schedule(Berlin, RoundTheClock, Daytime));

    [Theory]
    [InlineData("2026-06-02 10:00", "dev")] // Tuesday morning: the business-hours layer
    [InlineData("2026-06-02 16:59", "dev")]
    [InlineData("2026-06-02 17:00", "ana")] // Tuesday evening: falls through to the round-the-clock layer
    [InlineData("2026-06-03 08:59", "ana")]
    [InlineData("2026-06-03 09:00", "cem")]
    [InlineData("2026-06-06 11:00", "ana")] // Saturday: no business hours
    [InlineData("2026-06-08 10:00", "dev")] // The next Monday: the daytime rotation kept turning over the weekend
    [InlineData("2026-06-08 20:00", "ben")]
    public void Business_hours_layer_wins_on_weekdays_and_the_round_the_clock_layer_covers_the_rest(string local, string expected)
    {
        Assert.Equal(expected, TwoLayers.At(Local(Berlin, local)).AgentId);
    }

    [Fact]
    public void The_person_on_call_at_five_pm_is_told_when_their_evening_ends_and_who_takes_over()
    {
        var evening = TwoLayers.At(Local(Berlin, "2026-06-02 17:00"));

        Assert.Equal("ana", evening.AgentId);
        Assert.Equal("2026-06-02 17:00", Clock(Berlin, evening.Since));
        Assert.Equal("2026-06-03 09:00", Clock(Berlin, evening.Until));
        Assert.Equal("cem", evening.Next?.AgentId);
    }

    [Fact]
    public void Weekend_only_layer_takes_Saturday_and_Sunday_from_the_layer_below()
    {
        var weekend = Layer(ShiftLength.Weekly, "00:00", "2026-06-06", "eve").Restricted(WeeklyWindow.Weekend);
        var calculator = new OnCallCalculator(Schedule(Berlin, RoundTheClock, weekend));

        Assert.Equal("ana", calculator.At(Local(Berlin, "2026-06-05 23:59")).AgentId);
        Assert.Equal("eve", calculator.At(Local(Berlin, "2026-06-06 00:00")).AgentId);
        var sunday = calculator.At(Local(Berlin, "2026-06-07 23:00"));
        Assert.Equal("eve", sunday.AgentId);
        Assert.Equal("2026-06-08 00:00", Clock(Berlin, sunday.Until));
        Assert.Equal("ana", sunday.Next?.AgentId);
    }

    [Fact]
    public void Override_for_an_afternoon_pages_the_stand_in_and_hands_back_at_its_end()
    {
        var afternoon = new ScheduleOverride("o-1", "eve", Local(Berlin, "2026-06-03 13:00"), Local(Berlin, "2026-06-03 17:00"));
        var calculator = new OnCallCalculator(Schedule(Berlin, RoundTheClock, Daytime).WithOverrides(afternoon));

        var during = calculator.At(Local(Berlin, "2026-06-03 14:00"));

        Assert.Equal("eve", during.AgentId);
        Assert.Equal("2026-06-03 17:00", Clock(Berlin, during.Until));
        Assert.Equal(new OnCallHandOff("ana", Local(Berlin, "2026-06-03 17:00")), during.Next);
        Assert.Equal(
            ["cem 09:00–13:00", "eve 13:00–17:00", "ana 17:00–09:00"],
            calculator.Timeline(Local(Berlin, "2026-06-03 09:00"), Local(Berlin, "2026-06-04 09:00"))
                .Select(s => $"{s.AgentId} {Clock(Berlin, s.Start)[11..]}–{Clock(Berlin, s.End)[11..]}"));
    }

    [Fact]
    public void Later_override_wins_where_two_overlap()
    {
        var calculator = new OnCallCalculator(Schedule(Berlin, RoundTheClock).WithOverrides(
            new ScheduleOverride("o-1", "eve", Local(Berlin, "2026-06-03 13:00"), Local(Berlin, "2026-06-03 17:00")),
            new ScheduleOverride("o-2", "fay", Local(Berlin, "2026-06-03 15:00"), Local(Berlin, "2026-06-03 16:00"))));

        Assert.Equal("eve", calculator.At(Local(Berlin, "2026-06-03 14:59")).AgentId);
        Assert.Equal("fay", calculator.At(Local(Berlin, "2026-06-03 15:00")).AgentId);
        Assert.Equal("eve", calculator.At(Local(Berlin, "2026-06-03 16:00")).AgentId);
    }

    [Fact]
    public void Override_covers_a_gap_where_no_layer_has_anyone()
    {
        var saturday = new ScheduleOverride("o-1", "eve", Local(Berlin, "2026-06-06 10:00"), Local(Berlin, "2026-06-06 14:00"));
        var calculator = new OnCallCalculator(Schedule(Berlin, Daytime).WithOverrides(saturday));

        Assert.Equal("eve", calculator.At(Local(Berlin, "2026-06-06 12:00")).AgentId);
        Assert.True(calculator.At(Local(Berlin, "2026-06-06 14:00")).IsGap);
    }
}
