using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>
/// Who is on call at <see cref="At"/>, and what changes next. In a gap <see cref="AgentId"/> is null: escalation should
/// then hold and page <see cref="Next"/> when their shift starts, rather than page nobody.
/// </summary>
/// <param name="AgentId">The agent to page now; null in a gap.</param>
/// <param name="Since">When this agent's stretch (or the gap) began; null if earlier than the calculator looks back.</param>
/// <param name="Until">When it ends; null if nothing changes within the calculator's look-ahead.</param>
/// <param name="Next">The next person to come on shift after <see cref="Until"/>, skipping any gap in between.</param>
public sealed record OnCallStatus(Instant At, string? AgentId, Instant? Since, Instant? Until, OnCallHandOff? Next)
{
    public bool IsGap => AgentId is null;
}

/// <summary><paramref name="AgentId"/> comes on shift at <paramref name="At"/>.</summary>
public sealed record OnCallHandOff(string AgentId, Instant At);
