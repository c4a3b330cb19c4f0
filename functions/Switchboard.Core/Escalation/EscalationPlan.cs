using NodaTime;
using Switchboard.Core.OnCall;

namespace Switchboard.Core.Escalation;

/// <summary>What a due check does, decided by <see cref="EscalationPlan.Decide"/>.</summary>
public abstract record EscalationDecision
{
    /// <summary>Page <paramref name="AgentIds"/> now; then check <paramref name="NextStep"/> at <paramref name="NextDue"/>, or finish when null.</summary>
    public sealed record Page(IReadOnlyList<string> AgentIds, int? NextStep, Instant? NextDue) : EscalationDecision;

    /// <summary>Nobody to page now (after hours, or a gap in the rota): check the same step again at <paramref name="Until"/>.</summary>
    public sealed record Hold(Instant Until, string Reason) : EscalationDecision;

    /// <summary>This level can never page anyone (empty schedule, deleted schedule): go on to <paramref name="NextStep"/> at once, or finish.</summary>
    public sealed record Skip(int? NextStep, string Reason) : EscalationDecision;
}

/// <summary>
/// The pure rules of escalation: when the first check is due, and what a check at a given moment does. Every moment is
/// a parameter; the rota comes from <see cref="OnCallCalculator"/> for whichever schedules a level names.
/// </summary>
public static class EscalationPlan
{
    /// <summary>
    /// When level 1 is due for a conversation started at <paramref name="startedAt"/>: the target later, counted from
    /// the start of support hours when the policy waits for them.
    /// </summary>
    public static Instant FirstDue(EscalationPolicy policy, Instant startedAt) =>
        StartOfHours(policy, startedAt) + Duration.FromTimeSpan(policy.TargetFirstResponse);

    /// <summary>
    /// The check of <paramref name="step"/> at <paramref name="now"/>. A gap in a level's schedule holds until the next
    /// person comes on shift (they are paged then, whoever they are by then); named agents are paged regardless.
    /// </summary>
    public static EscalationDecision Decide(EscalationPolicy policy, int step, Instant now, Func<string, OnCallSchedule?> schedules)
    {
        if (StartOfHours(policy, now) is var start && start > now)
        {
            return new EscalationDecision.Hold(start, "outside support hours");
        }
        var level = policy.LevelOf(step);
        var agents = new List<string>();
        Instant? holdUntil = null;
        if (level.ScheduleId is { Length: > 0 } scheduleId && schedules(scheduleId) is { } schedule && schedule.Validate().Count == 0)
        {
            var status = new OnCallCalculator(schedule).At(now);
            if (status.AgentId is { } onCall)
            {
                agents.Add(onCall);
            }
            else if (status.Next is { } next)
            {
                holdUntil = next.At;
            }
        }
        foreach (var agent in level.AgentIds ?? [])
        {
            if (!agents.Contains(agent, StringComparer.OrdinalIgnoreCase))
            {
                agents.Add(agent);
            }
        }
        int? nextStep = step + 1 < policy.StepCount ? step + 1 : null;
        if (agents.Count > 0)
        {
            return new EscalationDecision.Page(agents, nextStep, nextStep is null ? null : now + Duration.FromTimeSpan(level.EscalateAfter));
        }
        return holdUntil is { } until
            ? new EscalationDecision.Hold(until, "nobody on call until the next shift")
            : new EscalationDecision.Skip(nextStep, "the level's schedule has nobody on call, now or later");
    }

    private static Instant StartOfHours(EscalationPolicy policy, Instant at) =>
        policy is { AfterHours: AfterHoursRule.Wait, SupportHours: { } hours } && !hours.IsWithin(at)
            ? hours.NextStart(at) ?? at
            : at;
}
