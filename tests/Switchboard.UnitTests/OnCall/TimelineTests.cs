using NodaTime;
using Switchboard.Core.OnCall;
using static Switchboard.UnitTests.OnCall.Rota;

namespace Switchboard.UnitTests.OnCall;

/// <summary>The final timeline the schedule editor and the calendar feeds show.</summary>
public sealed class TimelineTests
{
    private const string Berlin = "Europe/Berlin";

    [Fact]
    public void Two_week_timeline_merges_consecutive_shifts_of_the_same_person()
    {
        // Ana takes two days in a row, then Ben one: the editor shows Ana's two days as one bar.
        var calculator = new OnCallCalculator(Schedule(Berlin, Layer(ShiftLength.Daily, "09:00", "2026-06-01", "ana", "ana", "ben")));

        var twoWeeks = calculator.Timeline(Local(Berlin, "2026-06-01 09:00"), Local(Berlin, "2026-06-15 09:00"));

        Assert.Equal(
            ["ana 06-01 48h", "ben 06-03 24h", "ana 06-04 48h", "ben 06-06 24h", "ana 06-07 48h",
             "ben 06-09 24h", "ana 06-10 48h", "ben 06-12 24h", "ana 06-13 48h"],
            twoWeeks.Select(s => $"{s.AgentId} {Clock(Berlin, s.Start)[5..10]} {s.Length.TotalHours}h"));
    }

    [Fact]
    public void Each_layer_keeps_its_own_shifts_beneath_the_final_timeline()
    {
        // Cy's layer is on top and wins everywhere; an override covers a morning. The rows per layer show the rota alone.
        var calculator = new OnCallCalculator(Schedule(Berlin,
                Layer(ShiftLength.Daily, "09:00", "2026-06-01", "ana", "ben"),
                Layer(ShiftLength.Daily, "09:00", "2026-06-01", "cy"))
            .WithOverrides(new ScheduleOverride("o-1", "dee", Local(Berlin, "2026-06-02 09:00"), Local(Berlin, "2026-06-02 12:00"))));

        var layers = calculator.LayerTimelines(Local(Berlin, "2026-06-01 09:00"), Local(Berlin, "2026-06-03 09:00"));

        Assert.Equal(
            [["ana 06-01 24h", "ben 06-02 24h"], ["cy 06-01 24h", "cy 06-02 24h"]],
            layers.Select(layer => layer.Select(s => $"{s.AgentId} {Clock(Berlin, s.Start)[5..10]} {s.Length.TotalHours}h").ToList()));
        Assert.Equal(["cy", "dee", "cy"], calculator.Timeline(Local(Berlin, "2026-06-01 09:00"), Local(Berlin, "2026-06-03 09:00")).Select(s => s.AgentId));
    }

    [Fact]
    public void Override_that_extends_a_shift_shows_as_one_segment()
    {
        var calculator = new OnCallCalculator(Schedule(Berlin, Layer(ShiftLength.Daily, "09:00", "2026-06-01", "ana", "ben"))
            .WithOverrides(new ScheduleOverride("o-1", "ana", Local(Berlin, "2026-06-02 09:00"), Local(Berlin, "2026-06-02 12:00"))));

        var timeline = calculator.Timeline(Local(Berlin, "2026-06-01 09:00"), Local(Berlin, "2026-06-03 09:00"));

        Assert.Equal(
            [new OnCallSegment("ana", Local(Berlin, "2026-06-01 09:00"), Local(Berlin, "2026-06-02 12:00")),
             new OnCallSegment("ben", Local(Berlin, "2026-06-02 12:00"), Local(Berlin, "2026-06-03 09:00"))],
            timeline);
    }

    [Fact]
    public void Timeline_is_clipped_to_the_interval_asked_for()
    {
        var calculator = new OnCallCalculator(Schedule(Berlin, Layer(ShiftLength.Weekly, "09:00", "2026-06-01", "ana", "ben")));

        var wednesdayToWednesday = calculator.Timeline(Local(Berlin, "2026-06-03 12:00"), Local(Berlin, "2026-06-10 12:00"));

        Assert.Equal(
            [new OnCallSegment("ana", Local(Berlin, "2026-06-03 12:00"), Local(Berlin, "2026-06-08 09:00")),
             new OnCallSegment("ben", Local(Berlin, "2026-06-08 09:00"), Local(Berlin, "2026-06-10 12:00"))],
            wednesdayToWednesday);
    }

    [Fact]
    public void Timeline_leaves_gaps_empty_rather_than_inventing_someone()
    {
        var calculator = new OnCallCalculator(Schedule(Berlin,
            Layer(ShiftLength.Daily, "09:00", "2026-06-01", "cem").Restricted(BusinessHours)));

        var monday = calculator.Timeline(Local(Berlin, "2026-06-01 00:00"), Local(Berlin, "2026-06-02 00:00"));

        Assert.Equal([new OnCallSegment("cem", Local(Berlin, "2026-06-01 09:00"), Local(Berlin, "2026-06-01 17:00"))], monday);
    }

    [Fact]
    public void A_single_person_rota_never_hands_off_within_the_horizon()
    {
        var calculator = new OnCallCalculator(Schedule(Berlin, Layer(ShiftLength.Weekly, "09:00", "2026-06-01", "ana")));

        var status = calculator.At(Local(Berlin, "2026-06-03 12:00"));

        Assert.Equal("ana", status.AgentId);
        Assert.Equal("2026-06-01 09:00", Clock(Berlin, status.Since));
        Assert.Null(status.Until);
        Assert.Null(status.Next);
    }

    [Fact]
    public void Timeline_and_status_accept_DateTimeOffset_from_a_TimeProvider()
    {
        var calculator = new OnCallCalculator(Schedule(Berlin, Layer(ShiftLength.Weekly, "09:00", "2026-06-01", "ana", "ben")));
        var now = new DateTimeOffset(2026, 6, 8, 9, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("ben", calculator.At(now).AgentId);
        Assert.Equal("ben", Assert.Single(calculator.Timeline(now, now.AddHours(1))).AgentId);
        Assert.Equal(Instant.FromDateTimeOffset(now), calculator.Timeline(now, now.AddHours(1))[0].Start);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-01 00:00")]
    [InlineData("Europe/Berlin", "2026-10-01 00:00")]
    [InlineData("America/New_York", "2026-03-01 00:00")]
    [InlineData("Australia/Sydney", "2026-03-25 00:00")]
    public void Status_at_any_moment_agrees_with_the_timeline_across_DST_changes(string zone, string from)
    {
        var start = Local(zone, from);
        var calculator = new OnCallCalculator(Schedule(zone,
                Layer(ShiftLength.Weekly, "09:00", "2026-02-02", "ana", "ben", "cem"),
                Layer(ShiftLength.Hours(10), "02:30", "2026-02-03", "dev", "eve").Restricted(BusinessHours),
                Layer(ShiftLength.Daily, "01:30", "2026-02-07", "fay").Restricted(WeeklyWindow.Weekend))
            .WithOverrides(new ScheduleOverride("o-1", "gus", start + Duration.FromHours(50), start + Duration.FromHours(53))));
        var end = start + Duration.FromDays(42);
        var timeline = calculator.Timeline(start, end + Duration.FromDays(7));

        for (var at = start; at < end; at += Duration.FromMinutes(97))
        {
            var status = calculator.At(at);
            var segment = timeline.SingleOrDefault(s => s.Start <= at && at < s.End);
            Assert.Equal(segment?.AgentId, status.AgentId);
            var nextAfter = timeline.First(s => s.Start > at && s.Start >= (status.Until ?? at));
            Assert.Equal(segment?.End ?? timeline.First(s => s.Start > at).Start, status.Until);
            Assert.Equal(new OnCallHandOff(nextAfter.AgentId, nextAfter.Start), status.Next);
        }
    }
}
