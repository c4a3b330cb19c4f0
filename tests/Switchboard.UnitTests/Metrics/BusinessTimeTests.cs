using NodaTime;
using Switchboard.Core.Metrics;
using Switchboard.Core.OnCall;

namespace Switchboard.UnitTests.Metrics;

public sealed class BusinessTimeTests
{
    private static SupportHours NineToSix(string zone) => new(zone, WeeklyWindow.Weekdays(new LocalTime(9, 0), new LocalTime(18, 0)));

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Mail_on_friday_evening_answered_monday_morning_took_one_business_hour()
    {
        var hours = NineToSix("Europe/Berlin");
        // Friday 2026-03-06 17:30 Berlin (UTC+1) to Monday 2026-03-09 09:30 Berlin.
        var elapsed = BusinessTime.Between(hours, At("2026-03-06T16:30:00Z"), At("2026-03-09T08:30:00Z"));
        Assert.Equal(TimeSpan.FromHours(1), elapsed);
    }

    [Fact]
    public void The_same_instants_count_differently_in_another_time_zone()
    {
        // 14:00–23:00 UTC on a Wednesday: all of Berlin's afternoon (15:00–18:00 local = 3 h), all of New York's morning
        // and afternoon (09:00–18:00 local, 14:00–23:00 UTC in winter = 9 h).
        var from = At("2026-01-14T14:00:00Z");
        var to = At("2026-01-14T23:00:00Z");
        Assert.Equal(TimeSpan.FromHours(3), BusinessTime.Between(NineToSix("Europe/Berlin"), from, to));
        Assert.Equal(TimeSpan.FromHours(9), BusinessTime.Between(NineToSix("America/New_York"), from, to));
    }

    [Fact]
    public void A_weekend_adds_no_business_time()
    {
        var hours = NineToSix("Asia/Tokyo");
        // Saturday 2026-03-07 10:00 to Sunday 2026-03-08 20:00 Tokyo (UTC+9).
        Assert.Equal(TimeSpan.Zero, BusinessTime.Between(hours, At("2026-03-07T01:00:00Z"), At("2026-03-08T11:00:00Z")));
    }

    [Fact]
    public void A_window_across_the_spring_forward_gap_is_one_hour_shorter_in_real_time()
    {
        // New York springs forward on Sunday 2026-03-08 at 02:00; a Sunday 00:00–06:00 window lasts five real hours.
        var hours = new SupportHours("America/New_York",
            [new WeeklyWindow(IsoDayOfWeek.Sunday, LocalTime.Midnight, IsoDayOfWeek.Sunday, new LocalTime(6, 0))]);
        var elapsed = BusinessTime.Between(hours, At("2026-03-07T12:00:00Z"), At("2026-03-09T12:00:00Z"));
        Assert.Equal(TimeSpan.FromHours(5), elapsed);
    }

    [Fact]
    public void Office_hours_stay_nine_hours_on_the_days_around_a_clock_change()
    {
        var hours = NineToSix("Europe/London");
        // Friday 2026-03-27 (GMT) to Monday 2026-03-30 (BST, clocks went forward on Sunday the 29th): Friday 9 h + Monday 9 h.
        var elapsed = BusinessTime.Between(hours, At("2026-03-27T00:00:00Z"), At("2026-03-30T23:00:00Z"));
        Assert.Equal(TimeSpan.FromHours(18), elapsed);
        // Monday 09:00 BST is 08:00 UTC: a reply at 08:30 UTC came half an hour into the day.
        Assert.Equal(TimeSpan.FromMinutes(30), BusinessTime.Between(hours, At("2026-03-30T06:00:00Z"), At("2026-03-30T08:30:00Z")));
    }

    [Fact]
    public void Without_support_hours_business_time_is_calendar_time()
    {
        var from = At("2026-03-06T16:30:00Z");
        var to = At("2026-03-09T08:30:00Z");
        Assert.Equal(to - from, BusinessTime.Between(null, from, to));
        Assert.Equal(to - from, BusinessTime.Between(new SupportHours("Europe/Berlin"), from, to));
    }

    [Fact]
    public void An_end_before_the_start_is_no_time()
    {
        Assert.Equal(TimeSpan.Zero, BusinessTime.Between(NineToSix("Europe/Berlin"), At("2026-03-09T10:00:00Z"), At("2026-03-09T09:00:00Z")));
    }
}
