namespace Switchboard.Core.OnCall;

/// <summary>
/// How long each turn lasts, counted on the wall clock of the schedule's zone: a daily shift from 09:00 ends at 09:00
/// the next day even when that day has 23 or 25 hours, and a 12-hour shift from 08:00 ends at 20:00.
/// </summary>
public sealed record ShiftLength(ShiftUnit Unit, int Count)
{
    /// <summary>The longest shift a layer may have: a year of days, or its hours.</summary>
    public const int MaxDays = 366;

    public static ShiftLength Daily { get; } = new(ShiftUnit.Days, 1);

    public static ShiftLength Weekly { get; } = new(ShiftUnit.Days, 7);

    public static ShiftLength Days(int count) => new(ShiftUnit.Days, count);

    public static ShiftLength Hours(int count) => new(ShiftUnit.Hours, count);

    internal bool IsValid => Unit switch
    {
        ShiftUnit.Days => Count is > 0 and <= MaxDays,
        ShiftUnit.Hours => Count is > 0 and <= MaxDays * 24,
        _ => false,
    };

    /// <summary>The length in wall-clock hours (a day is always 24 of them on the wall clock).</summary>
    internal long WallClockHours => Unit == ShiftUnit.Days ? Count * 24L : Count;

    public override string ToString() => $"{Count} {Unit.ToString().ToLowerInvariant()}";
}

public enum ShiftUnit
{
    Hours,
    Days,
}
