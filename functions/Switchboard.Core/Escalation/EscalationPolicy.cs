using Switchboard.Core.OnCall;

namespace Switchboard.Core.Escalation;

/// <summary>What to do when a check falls outside the mailbox's support hours.</summary>
public enum AfterHoursRule
{
    /// <summary>Page as if it were within hours.</summary>
    Page,

    /// <summary>Hold every check until support hours next start; the first-response clock starts then too.</summary>
    Wait,
}

/// <summary>
/// Who to page, and when, about a new conversation in <see cref="Mailbox"/> that nobody answers. Level 1 is paged when
/// <see cref="TargetFirstResponse"/> has passed since the conversation started; each level's
/// <see cref="EscalationLevel.EscalateAfter"/> later, the next level is paged; after the last level the list starts
/// again, <see cref="Repeat"/> more times. Without <see cref="SupportHours"/> every moment is within hours.
/// </summary>
public sealed record EscalationPolicy(
    string Mailbox,
    TimeSpan TargetFirstResponse,
    IReadOnlyList<EscalationLevel> Levels,
    int Repeat,
    AfterHoursRule AfterHours,
    SupportHours? SupportHours)
{
    public static readonly TimeSpan DefaultTarget = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);
    public const int MaxLevels = 10;
    public const int MaxRepeat = 10;
    public const int MaxAgentsPerLevel = 20;

    /// <summary>Pages in all: every level, once per pass.</summary>
    public int StepCount => Levels.Count * (Repeat + 1);

    public EscalationLevel LevelOf(int step) => Levels[step % Levels.Count];

    /// <summary>Every problem, each naming the JSON field the API uses (<c>levels[1].escalateAfter</c>); empty when valid.</summary>
    public IReadOnlyList<ScheduleProblem> Validate()
    {
        var problems = new List<ScheduleProblem>();
        if (TargetFirstResponse < TimeSpan.FromSeconds(1) || TargetFirstResponse > MaxDelay)
        {
            problems.Add(new("targetFirstResponse", "The target first-response time must be between 1 second and 7 days (e.g. \"00:10:00\")."));
        }
        if (Levels is null || Levels.Count == 0)
        {
            problems.Add(new("levels", "A policy needs at least one level."));
        }
        else if (Levels.Count > MaxLevels)
        {
            problems.Add(new("levels", $"A policy has at most {MaxLevels} levels."));
        }
        for (var i = 0; i < (Levels?.Count ?? 0); i++)
        {
            var level = Levels![i];
            if (level is null)
            {
                problems.Add(new($"levels[{i}]", "A level cannot be null."));
                continue;
            }
            if (level.EscalateAfter < TimeSpan.FromSeconds(1) || level.EscalateAfter > MaxDelay)
            {
                problems.Add(new($"levels[{i}].escalateAfter", "The delay before the next level must be between 1 second and 7 days."));
            }
            if (string.IsNullOrWhiteSpace(level.ScheduleId) && (level.AgentIds?.Count ?? 0) == 0)
            {
                problems.Add(new($"levels[{i}]", "A level pages a schedule's on-call person, named agents, or both; this one names nobody."));
            }
            if (level.AgentIds?.Count > MaxAgentsPerLevel)
            {
                problems.Add(new($"levels[{i}].agentIds", $"A level names at most {MaxAgentsPerLevel} agents."));
            }
            for (var j = 0; j < (level.AgentIds?.Count ?? 0); j++)
            {
                if (level.AgentIds![j] is not { Length: > 0 and <= 200 } id || id.Trim() != id || id.Any(char.IsControl))
                {
                    problems.Add(new($"levels[{i}].agentIds[{j}]", "An agent id or email address, without spaces around it."));
                }
            }
        }
        if (Repeat is < 0 or > MaxRepeat)
        {
            problems.Add(new("repeat", $"Repeat the levels 0 to {MaxRepeat} more times."));
        }
        if (!Enum.IsDefined(AfterHours))
        {
            problems.Add(new("afterHours", "After hours, either \"page\" or \"wait\"."));
        }
        if (SupportHours is not null)
        {
            problems.AddRange(SupportHours.Validate().Select(p => p with { Field = "supportHours." + p.Field }));
        }
        else if (AfterHours == AfterHoursRule.Wait)
        {
            problems.Add(new("supportHours", "Waiting until support hours start needs the support hours."));
        }
        return problems;
    }
}

/// <summary>
/// One level: the on-call person of <see cref="ScheduleId"/> at the moment of the page, and/or <see cref="AgentIds"/>.
/// <see cref="EscalateAfter"/> is how long this level has before the next one is paged.
/// </summary>
public sealed record EscalationLevel(TimeSpan EscalateAfter, string? ScheduleId, IReadOnlyList<string> AgentIds);
