using NodaTime;
using Switchboard.Core.OnCall;
using static Switchboard.UnitTests.OnCall.Rota;

namespace Switchboard.UnitTests.OnCall;

/// <summary>Hand-offs happen at the local wall-clock time in the schedule's zone, whatever daylight saving does.</summary>
public sealed class RotationAcrossDstTests
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";
    private const string Sydney = "Australia/Sydney";

    // Ana from Monday 16 March 2026, then Ben, then Cem, each for a week from Monday 09:00.
    private static readonly OnCallCalculator BerlinWeekly =
        new(Schedule(Berlin, Layer(ShiftLength.Weekly, "09:00", "2026-03-16", "ana", "ben", "cem")));

    [Fact]
    public void Weekly_rotation_in_Berlin_hands_off_on_Monday_at_nine_local_after_clocks_go_forward()
    {
        // Clocks went forward on Sunday 29 March; Ben's week has 167 hours.
        var sunday = BerlinWeekly.At(Local(Berlin, "2026-03-29 12:00"));

        Assert.Equal("ben", sunday.AgentId);
        Assert.Equal("2026-03-23 09:00", Clock(Berlin, sunday.Since));
        Assert.Equal("2026-03-30 09:00", Clock(Berlin, sunday.Until));
        Assert.Equal(Duration.FromHours(167), sunday.Until - sunday.Since);
        Assert.Equal(new OnCallHandOff("cem", Local(Berlin, "2026-03-30 09:00")), sunday.Next);
    }

    [Fact]
    public void Weekly_rotation_in_Berlin_pages_the_outgoing_person_until_nine_local_on_the_first_summer_Monday()
    {
        Assert.Equal("ben", BerlinWeekly.At(Local(Berlin, "2026-03-30 08:59")).AgentId);
        Assert.Equal("cem", BerlinWeekly.At(Local(Berlin, "2026-03-30 09:00")).AgentId);
    }

    [Fact]
    public void Weekly_rotation_in_Berlin_hands_off_on_Monday_at_nine_local_after_clocks_go_back()
    {
        // Clocks go back on Sunday 25 October; the week from Monday 19 October (Ben's, 31 weeks in) has 169 hours.
        var sunday = BerlinWeekly.At(Local(Berlin, "2026-10-25 12:00"));

        Assert.Equal("ben", sunday.AgentId);
        Assert.Equal("2026-10-19 09:00", Clock(Berlin, sunday.Since));
        Assert.Equal("2026-10-26 09:00", Clock(Berlin, sunday.Until));
        Assert.Equal(Duration.FromHours(169), sunday.Until - sunday.Since);
        Assert.Equal("cem", BerlinWeekly.At(Local(Berlin, "2026-10-26 09:00")).AgentId);
    }

    [Fact]
    public void Daily_handoff_at_nine_stays_at_nine_local_across_the_spring_DST_change()
    {
        var calculator = new OnCallCalculator(Schedule(Berlin, Layer(ShiftLength.Daily, "09:00", "2026-03-27", "ana", "ben")));

        var shifts = calculator.Timeline(Local(Berlin, "2026-03-27 09:00"), Local(Berlin, "2026-03-31 09:00"));

        Assert.Equal(["2026-03-27 09:00", "2026-03-28 09:00", "2026-03-29 09:00", "2026-03-30 09:00"], shifts.Select(s => Clock(Berlin, s.Start)));
        Assert.Equal([24, 23, 24, 24], shifts.Select(s => s.Length.TotalHours));
        Assert.Equal(["ana", "ben", "ana", "ben"], shifts.Select(s => s.AgentId));
    }

    [Fact]
    public void New_York_handoff_at_half_past_two_happens_at_three_on_the_spring_forward_day()
    {
        // 02:30 does not exist on Sunday 8 March 2026: clocks jump from 02:00 EST to 03:00 EDT.
        var calculator = new OnCallCalculator(Schedule(NewYork, Layer(ShiftLength.Daily, "02:30", "2026-03-07", "ana", "ben")));

        var justBefore = calculator.At(Utc("2026-03-08T06:59:00Z"));

        Assert.Equal("ana", justBefore.AgentId);
        Assert.Equal("2026-03-08 03:00", Clock(NewYork, justBefore.Until));
        Assert.Equal(Utc("2026-03-08T07:00:00Z"), justBefore.Until);
        Assert.Equal("ben", calculator.At(Utc("2026-03-08T07:00:00Z")).AgentId);
        Assert.Equal("2026-03-09 02:30", Clock(NewYork, calculator.At(Utc("2026-03-08T07:00:00Z")).Until));
    }

    [Fact]
    public void New_York_handoff_at_half_past_one_happens_the_first_time_the_clock_shows_it_on_the_fall_back_day()
    {
        // 01:30 happens twice on Sunday 1 November 2026: first in EDT (05:30 UTC), then in EST (06:30 UTC).
        var calculator = new OnCallCalculator(Schedule(NewYork, Layer(ShiftLength.Daily, "01:30", "2026-10-31", "ana", "ben")));

        var sunday = calculator.At(Utc("2026-11-01T06:00:00Z"));

        Assert.Equal("ben", sunday.AgentId);
        Assert.Equal(Utc("2026-11-01T05:30:00Z"), sunday.Since);
        Assert.Equal(Duration.FromHours(25), sunday.Until - sunday.Since);
        Assert.Equal("2026-11-02 01:30", Clock(NewYork, sunday.Until));
    }

    [Fact]
    public void Sydney_handoff_stays_at_eight_local_when_daylight_saving_ends_in_April()
    {
        var calculator = new OnCallCalculator(Schedule(Sydney, Layer(ShiftLength.Daily, "08:00", "2026-04-01", "ana", "ben", "cem")));

        // Southern hemisphere: clocks go back on Sunday 5 April 2026, so Saturday's shift has 25 hours.
        var saturday = calculator.At(Local(Sydney, "2026-04-04 20:00"));

        Assert.Equal("ana", saturday.AgentId);
        Assert.Equal("2026-04-04 08:00", Clock(Sydney, saturday.Since));
        Assert.Equal("2026-04-05 08:00", Clock(Sydney, saturday.Until));
        Assert.Equal(Duration.FromHours(25), saturday.Until - saturday.Since);
    }

    [Fact]
    public void Sydney_handoff_stays_at_eight_local_when_daylight_saving_starts_in_October()
    {
        var calculator = new OnCallCalculator(Schedule(Sydney, Layer(ShiftLength.Daily, "08:00", "2026-04-01", "ana", "ben", "cem")));

        // Clocks go forward on Sunday 4 October 2026, so Saturday's shift has 23 hours.
        var saturday = calculator.At(Local(Sydney, "2026-10-03 20:00"));

        Assert.Equal("2026-10-03 08:00", Clock(Sydney, saturday.Since));
        Assert.Equal("2026-10-04 08:00", Clock(Sydney, saturday.Until));
        Assert.Equal(Duration.FromHours(23), saturday.Until - saturday.Since);
    }

    [Fact]
    public void Twelve_hour_shifts_hand_off_at_eight_and_twenty_local_and_the_night_shift_loses_the_skipped_hour()
    {
        var calculator = new OnCallCalculator(Schedule(Berlin, Layer(ShiftLength.Hours(12), "08:00", "2026-03-28", "day", "night")));

        var shifts = calculator.Timeline(Local(Berlin, "2026-03-28 08:00"), Local(Berlin, "2026-03-30 08:00"));

        Assert.Equal(
            ["day 2026-03-28 08:00 12h", "night 2026-03-28 20:00 11h", "day 2026-03-29 08:00 12h", "night 2026-03-29 20:00 12h"],
            shifts.Select(s => $"{s.AgentId} {Clock(Berlin, s.Start)} {s.Length.TotalHours}h"));
    }
}
