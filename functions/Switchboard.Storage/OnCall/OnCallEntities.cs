namespace Switchboard.Storage.OnCall;

/// <summary>
/// A schedule's own row: PartitionKey <see cref="ScheduleKeys.SchedulesPartition"/>, RowKey = schedule id. Overrides
/// are rows of their own (<see cref="OverrideEntity"/>), so adding one does not rewrite the schedule.
/// </summary>
public sealed class ScheduleEntity : ITableEntity
{
    public string PartitionKey { get; set; } = ScheduleKeys.SchedulesPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string TimeZoneId { get; set; } = "";

    /// <summary>JSON list of RotationLayer in <see cref="OnCallJson"/> form.</summary>
    public string Layers { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One override: PartitionKey <c>overrides-{scheduleId}</c>, RowKey = start ticks (19 digits) + "-" + override id.</summary>
public sealed class OverrideEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string OverrideId { get; set; } = "";
    public string AgentId { get; set; } = "";
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A calendar feed token, by the SHA-256 of the token (the token itself is never stored): PartitionKey
/// <see cref="ScheduleKeys.TokensPartition"/>, RowKey = 64 hex. <see cref="Kind"/> is "schedule" or "agent" and
/// <see cref="Subject"/> the schedule or agent id.
/// </summary>
public sealed class CalendarTokenEntity : ITableEntity
{
    public string PartitionKey { get; set; } = ScheduleKeys.TokensPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Which token a schedule or agent has now, so issuing a new one revokes the old: PartitionKey
/// <see cref="ScheduleKeys.TokenOwnersPartition"/>, RowKey = "{kind}-{escaped subject}".
/// </summary>
public sealed class CalendarTokenOwnerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = ScheduleKeys.TokenOwnersPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TokenHash { get; set; } = "";
}

public static class ScheduleKeys
{
    public const string SchedulesPartition = "schedules";
    public const string TokensPartition = "calendar-tokens";
    public const string TokenOwnersPartition = "calendar-token-owners";

    public static string OverridesPartition(string scheduleId) => "overrides-" + scheduleId;

    public static string OverrideRowKey(DateTimeOffset start, string overrideId) => $"{start.UtcTicks:D19}-{overrideId}";

    public static string TokenOwnerRowKey(string kind, string subject) => $"{kind}-{KeyEncoding.Escape(subject)}";
}
