using Switchboard.Core.Escalation;
using Switchboard.Core.OnCall;

namespace Switchboard.Handlers.Escalation;

/// <summary>Body of <c>PUT /api/oncall/policies/{mailbox}</c>; absent values take the defaults (10 minutes, no repeat, page after hours).</summary>
public sealed record PolicyBody(TimeSpan? TargetFirstResponse, IReadOnlyList<LevelBody?>? Levels, int? Repeat, AfterHoursRule? AfterHours, SupportHours? SupportHours);

public sealed record LevelBody(TimeSpan? EscalateAfter, string? ScheduleId, IReadOnlyList<string?>? AgentIds);

/// <summary>A mailbox's policy (null when it has none: nobody is paged) with the ETag a PUT sends as If-Match.</summary>
public sealed record PolicyView(string Mailbox, EscalationPolicy? Policy, string? Etag, DateTimeOffset? UpdatedAt);

public sealed record PolicyList(IReadOnlyList<PolicyView> Items);

/// <summary>Body of <c>PUT /api/oncall/agents/{agentId}/paging</c>.</summary>
public sealed record PagingSettingsBody(string? WebhookUrl);

public sealed record PagingSettingsView(string AgentId, string? WebhookUrl);
