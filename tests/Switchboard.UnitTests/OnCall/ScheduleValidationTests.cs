using NodaTime;
using Switchboard.Core.OnCall;
using static Switchboard.UnitTests.OnCall.Rota;

namespace Switchboard.UnitTests.OnCall;

/// <summary>What the schedule API answers with a 400: every problem, naming its field.</summary>
public sealed class ScheduleValidationTests
{
    private static readonly OnCallSchedule Valid = Schedule("Europe/Berlin",
        Layer(ShiftLength.Weekly, "09:00", "2026-06-01", "ana", "ben"),
        Layer(ShiftLength.Daily, "09:00", "2026-06-01", "cem").Restricted(BusinessHours));

    [Fact]
    public void Valid_schedule_has_no_problems()
    {
        Assert.Empty(Valid.Validate());
    }

    [Fact]
    public void Unknown_time_zone_is_named()
    {
        var problem = Assert.Single((Valid with { TimeZoneId = "Central European Standard Time" }).Validate());

        Assert.Equal("timeZoneId", problem.Field);
        Assert.Equal("'Central European Standard Time' is not a known time zone; use a tz database id such as 'Europe/Berlin'.", problem.Message);
    }

    [Fact]
    public void Layer_without_participants_is_named()
    {
        var problem = Assert.Single((Valid with { Layers = [Valid.Layers[0] with { Participants = [] }] }).Validate());

        Assert.Equal("layers[0].participants", problem.Field);
        Assert.Equal("Layer 'primary' has nobody in it; add at least one agent.", problem.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-12)]
    [InlineData(366 * 24 + 1)]
    public void Shift_length_of_zero_or_less_or_over_a_year_is_named(int hours)
    {
        var problem = Assert.Single((Valid with { Layers = [Valid.Layers[0] with { ShiftLength = ShiftLength.Hours(hours) }] }).Validate());

        Assert.Equal("layers[0].shiftLength", problem.Field);
        Assert.Contains("must be at least one hour or one day", problem.Message);
    }

    [Fact]
    public void Schedule_read_from_json_without_overrides_or_restrictions_is_valid()
    {
        var stored = Valid with { Layers = [Valid.Layers[0] with { Restrictions = null! }], Overrides = null! };

        Assert.Empty(stored.Validate());
        Assert.Equal("ana", new OnCallCalculator(stored).At(Utc("2026-06-02T10:00:00Z")).AgentId);
    }

    [Fact]
    public void Override_ending_before_it_starts_is_named()
    {
        var backwards = new ScheduleOverride("o-1", "eve", Utc("2026-06-03T15:00:00Z"), Utc("2026-06-03T11:00:00Z"));

        var problem = Assert.Single(Valid.WithOverrides(backwards).Validate());

        Assert.Equal("overrides[0].end", problem.Field);
        Assert.Equal("The override ends (2026-06-03T11:00:00Z) before it starts (2026-06-03T15:00:00Z).", problem.Message);
    }

    [Fact]
    public void Overlapping_restriction_windows_are_named()
    {
        var lunch = new WeeklyWindow(IsoDayOfWeek.Tuesday, new LocalTime(12, 0), IsoDayOfWeek.Tuesday, new LocalTime(14, 0));
        var layer = Valid.Layers[1].Restricted([.. BusinessHours, lunch]);

        var problem = Assert.Single((Valid with { Layers = [layer] }).Validate());

        Assert.Equal("layers[0].restrictions[5]", problem.Field);
        Assert.Equal("The window Tuesday 12:00 to Tuesday 14:00 overlaps Tuesday 09:00 to Tuesday 17:00 (layers[0].restrictions[1]).", problem.Message);
    }

    [Fact]
    public void Window_across_the_weekend_overlaps_one_on_Sunday()
    {
        var layer = Valid.Layers[1].Restricted(WeeklyWindow.Weekend,
            new WeeklyWindow(IsoDayOfWeek.Sunday, new LocalTime(20, 0), IsoDayOfWeek.Monday, new LocalTime(8, 0)));

        Assert.Equal("layers[0].restrictions[1]", Assert.Single((Valid with { Layers = [layer] }).Validate()).Field);
    }

    [Fact]
    public void Empty_restriction_window_is_named()
    {
        var empty = new WeeklyWindow(IsoDayOfWeek.Monday, new LocalTime(9, 0), IsoDayOfWeek.Monday, new LocalTime(9, 0));

        var problem = Assert.Single((Valid with { Layers = [Valid.Layers[1].Restricted(empty)] }).Validate());

        Assert.Equal("layers[0].restrictions[0]", problem.Field);
        Assert.Equal("The window Monday 09:00 to Monday 09:00 is empty: it ends when it starts.", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_grouped_by_field_for_a_validation_problem_response()
    {
        var broken = new OnCallSchedule("s-1", "", "Mars/Olympus_Mons",
            [Valid.Layers[0] with { Participants = [], ShiftLength = ShiftLength.Days(0) }],
            [new ScheduleOverride("o-1", "", Utc("2026-06-03T15:00:00Z"), Utc("2026-06-03T15:00:00Z"))]);

        var errors = ScheduleProblem.ToErrors(broken.Validate());

        Assert.Equal(
            ["name", "timeZoneId", "layers[0].participants", "layers[0].shiftLength", "overrides[0].agentId", "overrides[0].end"],
            errors.Keys);
    }

    [Fact]
    public void Calculator_refuses_an_invalid_schedule_with_its_problems()
    {
        var error = Assert.Throws<ArgumentException>(() => new OnCallCalculator(Valid with { TimeZoneId = "Europe/Berln" }));

        Assert.Contains("timeZoneId: 'Europe/Berln' is not a known time zone", error.Message);
    }

    [Fact]
    public void Support_hours_name_their_problems_too()
    {
        var hours = new SupportHours("Europe/Berlin", [WeeklyWindow.Weekend, WeeklyWindow.Weekend]);

        Assert.Equal(["windows[1]"], hours.Validate().Select(p => p.Field));
    }
}
