using System.Globalization;
using NodaTime;
using Switchboard.Core.OnCall;

namespace Switchboard.UnitTests.OnCall;

/// <summary>Builders for schedules and local-time helpers, so tests speak in the wall-clock times people see.</summary>
internal static class Rota
{
    public static OnCallSchedule Schedule(string zone, params RotationLayer[] layers) =>
        new("support-primary", "Support (primary)", zone, layers, []);

    public static OnCallSchedule WithOverrides(this OnCallSchedule schedule, params ScheduleOverride[] overrides) =>
        schedule with { Overrides = overrides };

    public static RotationLayer Layer(ShiftLength length, string handOff, string startDate, params string[] agents) =>
        new("primary", agents, length, LocalTimeOf(handOff), LocalDate.FromDateTime(DateTime.Parse(startDate)));

    public static RotationLayer Restricted(this RotationLayer layer, params WeeklyWindow[] windows) => layer with { Restrictions = windows };

    public static RotationLayer Restricted(this RotationLayer layer, IReadOnlyList<WeeklyWindow> windows) => layer with { Restrictions = windows };

    public static IReadOnlyList<WeeklyWindow> BusinessHours => WeeklyWindow.Weekdays(new LocalTime(9, 0), new LocalTime(17, 0));

    /// <summary>The instant a clock in <paramref name="zone"/> shows "yyyy-MM-dd HH:mm" (which must exist and be unique).</summary>
    public static Instant Local(string zone, string localDateTime) =>
        LocalDateTimeOf(localDateTime).InZoneStrictly(DateTimeZoneProviders.Tzdb[zone]).ToInstant();

    /// <summary>What a clock in <paramref name="zone"/> shows at <paramref name="instant"/>, as "yyyy-MM-dd HH:mm".</summary>
    public static string Clock(string zone, Instant? instant) =>
        instant is { } i ? i.InZone(DateTimeZoneProviders.Tzdb[zone]).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "(none)";

    public static Instant Utc(string isoInstant) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(isoInstant).Value;

    private static LocalTime LocalTimeOf(string hhmm) => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(hhmm).Value;

    private static LocalDateTime LocalDateTimeOf(string text) =>
        NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Parse(text).Value;
}
