using System.Text.Json.Serialization;

namespace Switchboard.Core.Status;

/// <summary>What customers are told about one component, worst last but for maintenance (planned, not a failure).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComponentState>))]
public enum ComponentState
{
    [JsonStringEnumMemberName("operational")] Operational,
    [JsonStringEnumMemberName("degraded_performance")] DegradedPerformance,
    [JsonStringEnumMemberName("partial_outage")] PartialOutage,
    [JsonStringEnumMemberName("major_outage")] MajorOutage,
    [JsonStringEnumMemberName("under_maintenance")] UnderMaintenance,
}

/// <summary>How bad an incident is for customers, as declared by the agent who opens it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentImpact>))]
public enum IncidentImpact
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("minor")] Minor,
    [JsonStringEnumMemberName("major")] Major,
    [JsonStringEnumMemberName("critical")] Critical,
}

/// <summary>Where an incident stands: investigating → identified → monitoring → resolved (final).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentStatus>))]
public enum IncidentStatus
{
    [JsonStringEnumMemberName("investigating")] Investigating,
    [JsonStringEnumMemberName("identified")] Identified,
    [JsonStringEnumMemberName("monitoring")] Monitoring,
    [JsonStringEnumMemberName("resolved")] Resolved,
}

/// <summary>
/// A maintenance window's stage: scheduled, then in progress (components under maintenance), then completed; or
/// cancelled before it started (final).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaintenanceStatus>))]
public enum MaintenanceStatus
{
    [JsonStringEnumMemberName("scheduled")] Scheduled,
    [JsonStringEnumMemberName("in_progress")] InProgress,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

/// <summary>The page's overall indicator, as in <c>status.json</c>'s <c>status.indicator</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StatusIndicator>))]
public enum StatusIndicator
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("maintenance")] Maintenance,
    [JsonStringEnumMemberName("minor")] Minor,
    [JsonStringEnumMemberName("major")] Major,
    [JsonStringEnumMemberName("critical")] Critical,
}

/// <summary>The wire names of the states (snake_case), for storage and rendering.</summary>
public static class StatusNames
{
    public static string Of<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value).Trim('"');

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static T Parse<T>(string name) where T : struct, Enum =>
        TryParse<T>(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(T).Name}.");

    public static string Describe(ComponentState state) => state switch
    {
        ComponentState.Operational => "Operational",
        ComponentState.DegradedPerformance => "Degraded performance",
        ComponentState.PartialOutage => "Partial outage",
        ComponentState.MajorOutage => "Major outage",
        _ => "Under maintenance",
    };
}
