using NodaTime;
using NodaTime.Text;

namespace Switchboard.Core.OnCall;

/// <summary>The checks behind <see cref="OnCallSchedule.Validate"/> and <see cref="SupportHours.Validate"/>.</summary>
internal static class ScheduleValidation
{
    public static IReadOnlyList<ScheduleProblem> Check(OnCallSchedule schedule)
    {
        var problems = new List<ScheduleProblem>();
        Require(problems, "id", schedule.Id, "A schedule needs an id.");
        Require(problems, "name", schedule.Name, "A schedule needs a name.");
        CheckZone(problems, "timeZoneId", schedule.TimeZoneId);
        if (schedule.Layers is not { Count: > 0 })
        {
            problems.Add(new("layers", "A schedule needs at least one layer."));
        }
        for (var i = 0; i < schedule.Layers?.Count; i++)
        {
            if (schedule.Layers[i] is { } layer)
            {
                CheckLayer(problems, $"layers[{i}]", layer);
            }
            else
            {
                problems.Add(new($"layers[{i}]", "A layer is missing."));
            }
        }
        for (var i = 0; i < schedule.Overrides.Count; i++)
        {
            if (schedule.Overrides[i] is not { } o)
            {
                problems.Add(new($"overrides[{i}]", "An override is missing."));
                continue;
            }
            Require(problems, $"overrides[{i}].id", o.Id, "An override needs an id.");
            Require(problems, $"overrides[{i}].agentId", o.AgentId, "An override needs the agent who covers it.");
            if (o.End <= o.Start)
            {
                problems.Add(new($"overrides[{i}].end", $"The override ends ({InstantPattern.ExtendedIso.Format(o.End)}) before it starts ({InstantPattern.ExtendedIso.Format(o.Start)})."));
            }
        }
        return problems;
    }

    public static IReadOnlyList<ScheduleProblem> Check(SupportHours hours)
    {
        var problems = new List<ScheduleProblem>();
        CheckZone(problems, "timeZoneId", hours.TimeZoneId);
        CheckWindows(problems, "windows", hours.Windows);
        return problems;
    }

    private static void CheckLayer(List<ScheduleProblem> problems, string path, RotationLayer layer)
    {
        Require(problems, $"{path}.name", layer.Name, "A layer needs a name.");
        if (layer.Participants is not { Count: > 0 })
        {
            problems.Add(new($"{path}.participants", $"Layer '{layer.Name}' has nobody in it; add at least one agent."));
        }
        for (var i = 0; i < layer.Participants?.Count; i++)
        {
            Require(problems, $"{path}.participants[{i}]", layer.Participants[i], "A participant needs an agent id.");
        }
        if (layer.ShiftLength is not { IsValid: true })
        {
            problems.Add(new($"{path}.shiftLength",
                $"Layer '{layer.Name}' has a shift length of {layer.ShiftLength?.ToString() ?? "nothing"}; it must be at least one hour or one day, and at most {ShiftLength.MaxDays} days."));
        }
        CheckWindows(problems, $"{path}.restrictions", layer.Restrictions);
    }

    private static void CheckWindows(List<ScheduleProblem> problems, string path, IReadOnlyList<WeeklyWindow>? windows)
    {
        for (var i = 0; i < windows?.Count; i++)
        {
            var window = windows[i];
            if (window is null)
            {
                problems.Add(new($"{path}[{i}]", "A window is missing."));
                continue;
            }
            if (!IsDay(window.StartDay) || !IsDay(window.EndDay))
            {
                problems.Add(new($"{path}[{i}]", $"The window {window} needs a day of the week at both ends."));
                continue;
            }
            if (window.LengthInWeek == 0)
            {
                problems.Add(new($"{path}[{i}]", $"The window {window} is empty: it ends when it starts."));
                continue;
            }
            for (var j = 0; j < i; j++)
            {
                if (windows[j] is not null && IsDay(windows[j].StartDay) && IsDay(windows[j].EndDay) && window.Overlaps(windows[j]))
                {
                    problems.Add(new($"{path}[{i}]", $"The window {window} overlaps {windows[j]} ({path}[{j}])."));
                }
            }
        }
    }

    private static void CheckZone(List<ScheduleProblem> problems, string field, string? id)
    {
        if (WallClock.Zone(id) is null)
        {
            problems.Add(new(field, $"'{id}' is not a known time zone; use a tz database id such as 'Europe/Berlin'."));
        }
    }

    private static void Require(List<ScheduleProblem> problems, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, message));
        }
    }

    private static bool IsDay(IsoDayOfWeek day) => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday;
}
