using NodaTime;
using Switchboard.Core.OnCall;
using static Switchboard.UnitTests.OnCall.Rota;

namespace Switchboard.UnitTests.OnCall;

/// <summary>A mailbox's staffed hours, in its own zone; outside them the after-hours rule decides about paging.</summary>
public sealed class SupportHoursTests
{
    private const string Berlin = "Europe/Berlin";

    private static readonly SupportHours OfficeHours = new(Berlin, BusinessHours);

    [Theory]
    [InlineData("2026-06-02 09:00", true)]
    [InlineData("2026-06-02 16:59", true)]
    [InlineData("2026-06-02 17:00", false)]
    [InlineData("2026-06-02 08:59", false)]
    [InlineData("2026-06-06 12:00", false)] // Saturday
    public void Within_hours_follows_the_local_clock_on_weekdays(string local, bool expected)
    {
        Assert.Equal(expected, OfficeHours.IsWithin(Local(Berlin, local)));
    }

    [Fact]
    public void After_Friday_closing_hours_next_start_on_Monday_at_nine_local()
    {
        Assert.Equal("2026-06-08 09:00", Clock(Berlin, OfficeHours.NextStart(Local(Berlin, "2026-06-05 17:30"))));
    }

    [Fact]
    public void Early_morning_hours_start_the_same_day()
    {
        Assert.Equal("2026-06-03 09:00", Clock(Berlin, OfficeHours.NextStart(Local(Berlin, "2026-06-03 06:00"))));
    }

    [Fact]
    public void Within_hours_next_start_is_the_following_morning()
    {
        Assert.Equal("2026-06-04 09:00", Clock(Berlin, OfficeHours.NextStart(Local(Berlin, "2026-06-03 09:00"))));
    }

    [Fact]
    public void Hours_open_at_nine_local_on_the_first_Monday_of_summer_time()
    {
        var monday = OfficeHours.NextStart(Local(Berlin, "2026-03-28 12:00"));

        Assert.Equal(Utc("2026-03-30T07:00:00Z"), monday);
        Assert.True(OfficeHours.IsWithin(Utc("2026-03-30T07:00:00Z")));
        Assert.False(OfficeHours.IsWithin(Utc("2026-03-30T06:59:00Z")));
    }

    [Fact]
    public void Overnight_window_across_Sunday_midnight_counts_as_one_stretch()
    {
        var nights = new SupportHours("America/New_York", [new WeeklyWindow(IsoDayOfWeek.Sunday, new LocalTime(22, 0), IsoDayOfWeek.Monday, new LocalTime(6, 0))]);

        Assert.True(nights.IsWithin(Local("America/New_York", "2026-06-08 05:00")));
        Assert.Equal("2026-06-14 22:00", Clock("America/New_York", nights.NextStart(Local("America/New_York", "2026-06-08 05:00"))));
    }

    [Fact]
    public void Accepts_the_time_of_a_TimeProvider()
    {
        Assert.True(OfficeHours.IsWithin(new DateTimeOffset(2026, 6, 2, 10, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Without_windows_hours_never_start()
    {
        Assert.Null(new SupportHours(Berlin, []).NextStart(Local(Berlin, "2026-06-02 10:00")));
    }
}
