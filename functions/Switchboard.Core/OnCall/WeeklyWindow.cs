using System.Globalization;
using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>
/// A span of local wall-clock time that repeats every week, from <see cref="StartDay"/> <see cref="StartTime"/> up to
/// (not including) <see cref="EndDay"/> <see cref="EndTime"/>. It may wrap past Sunday midnight (Fri 22:00 to Mon
/// 06:00). Start and end at the same moment of the week make an empty window, which <see cref="ScheduleValidation"/>
/// rejects: "all week" is expressed by having no windows at all.
/// </summary>
public sealed record WeeklyWindow(IsoDayOfWeek StartDay, LocalTime StartTime, IsoDayOfWeek EndDay, LocalTime EndTime)
{
    private static readonly long NanosecondsPerWeek = 7 * NodaConstants.NanosecondsPerDay;

    /// <summary>Saturday 00:00 to Monday 00:00.</summary>
    public static WeeklyWindow Weekend { get; } = new(IsoDayOfWeek.Saturday, LocalTime.Midnight, IsoDayOfWeek.Monday, LocalTime.Midnight);

    /// <summary>Monday to Friday, <paramref name="from"/> to <paramref name="to"/> each day: business hours.</summary>
    public static IReadOnlyList<WeeklyWindow> Weekdays(LocalTime from, LocalTime to) =>
        OnDays(from, to, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday);

    /// <summary>One window per day; when <paramref name="to"/> is not after <paramref name="from"/> it ends the next day.</summary>
    public static IReadOnlyList<WeeklyWindow> OnDays(LocalTime from, LocalTime to, params IsoDayOfWeek[] days) =>
        [.. days.Select(day => new WeeklyWindow(day, from, to > from ? day : Next(day), to))];

    /// <summary>Where the window starts, as nanoseconds since Monday 00:00.</summary>
    internal long StartInWeek => InWeek(StartDay, StartTime);

    /// <summary>How long the window lasts on the wall clock; 0 when it is empty.</summary>
    internal long LengthInWeek => ((InWeek(EndDay, EndTime) - StartInWeek) % NanosecondsPerWeek + NanosecondsPerWeek) % NanosecondsPerWeek;

    /// <summary>Whether the two windows share any moment of the week.</summary>
    internal bool Overlaps(WeeklyWindow other)
    {
        // Unroll the other window over three weeks so that wrapping windows need no special case.
        for (var week = -1; week <= 1; week++)
        {
            var otherStart = other.StartInWeek + week * NanosecondsPerWeek;
            if (otherStart < StartInWeek + LengthInWeek && StartInWeek < otherStart + other.LengthInWeek)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The local start and end of this window in the week that begins on <paramref name="monday"/>.</summary>
    internal (LocalDateTime Start, LocalDateTime End) InWeekOf(LocalDate monday)
    {
        var start = monday.PlusDays((int)StartDay - 1).At(StartTime);
        return (start, start.PlusNanoseconds(LengthInWeek));
    }

    public override string ToString() => $"{StartDay} {Clock(StartTime)} to {EndDay} {Clock(EndTime)}";

    private static string Clock(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static long InWeek(IsoDayOfWeek day, LocalTime time) => ((int)day - 1) * NodaConstants.NanosecondsPerDay + time.NanosecondOfDay;

    private static IsoDayOfWeek Next(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : day + 1;
}
