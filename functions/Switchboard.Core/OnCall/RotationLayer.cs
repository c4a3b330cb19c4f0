using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>
/// One rotation: <see cref="Participants"/> take turns, each for one <see cref="ShiftLength"/>, the first shift
/// starting on <see cref="StartDate"/> at <see cref="HandOffTime"/> in the schedule's zone. Hand-offs stay at that
/// wall-clock time across daylight-saving changes. With <see cref="Restrictions"/>, the layer has someone on call only
/// inside those weekly windows; the rotation keeps turning outside them (a restriction hides shifts, it does not pause
/// the rotation), and the uncovered time falls through to the layers below.
/// </summary>
/// <param name="Participants">Agent ids in turn order; an agent may appear more than once.</param>
/// <param name="Restrictions">None (null or empty) means always; otherwise e.g. <see cref="WeeklyWindow.Weekdays"/> for business hours.</param>
public sealed record RotationLayer(
    string Name,
    IReadOnlyList<string> Participants,
    ShiftLength ShiftLength,
    LocalTime HandOffTime,
    LocalDate StartDate,
    IReadOnlyList<WeeklyWindow>? Restrictions = null)
{
    public IReadOnlyList<WeeklyWindow> Restrictions { get; init => field = value ?? []; } = Restrictions ?? [];
}
