namespace Switchboard.Core.OnCall;

/// <summary>
/// A rota: who is on call, when, in one named time zone. <see cref="Layers"/> are listed bottom to top: where several
/// layers have someone on call, the last one in the list wins. <see cref="Overrides"/> win over every layer; where two
/// overrides overlap, the later one in the list wins. Check <see cref="Validate"/> before storing or computing.
/// </summary>
/// <param name="Id">Stable id; part of every iCalendar UID, so it must not change when the schedule is renamed.</param>
/// <param name="Name">Shown to people, e.g. "Support (primary)".</param>
/// <param name="Overrides">Null (say, absent from stored JSON) means none.</param>
/// <param name="TimeZoneId">A tz database id such as "Europe/Berlin"; hand-offs and restrictions are wall-clock times there.</param>
public sealed record OnCallSchedule(
    string Id,
    string Name,
    string TimeZoneId,
    IReadOnlyList<RotationLayer> Layers,
    IReadOnlyList<ScheduleOverride>? Overrides = null)
{
    public IReadOnlyList<ScheduleOverride> Overrides { get; init => field = value ?? []; } = Overrides ?? [];

    /// <summary>Every problem that would make the schedule meaningless, each naming its field; empty when valid.</summary>
    public IReadOnlyList<ScheduleProblem> Validate() => ScheduleValidation.Check(this);
}
