using System.Text.Json.Serialization;
using NodaTime;
using Switchboard.Core.OnCall;

namespace Switchboard.Handlers.OnCall;

// The JSON shapes of the on-call API (camelCase; NodaTime values and enums as OnCallJson writes them).

/// <summary>The body of POST and PUT /api/oncall/schedules; every field is checked, a missing one named in the 400.</summary>
public sealed record ScheduleBody(string? Name, string? TimeZoneId, IReadOnlyList<LayerBody?>? Layers) : IRequestInput<ScheduleBody>
{
    /// <summary>Read with <see cref="OnCallJson.Options"/> (NodaTime values), hence bound here rather than as a plain JSON body.</summary>
    public static async ValueTask<(ScheduleBody? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await OnCallRequests.ReadBodyAsync<ScheduleBody>(request, cancellationToken);
}

public sealed record LayerBody(
    string? Name,
    IReadOnlyList<string?>? Participants,
    ShiftLength? ShiftLength,
    LocalTime? HandOffTime,
    LocalDate? StartDate,
    IReadOnlyList<WeeklyWindow?>? Restrictions);

/// <summary>The body of POST /api/oncall/schedules/{id}/overrides: <see cref="AgentId"/> covers [start, end).</summary>
public sealed record OverrideBody(string? AgentId, DateTimeOffset? Start, DateTimeOffset? End) : IRequestInput<OverrideBody>
{
    public static async ValueTask<(OverrideBody? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await OnCallRequests.ReadBodyAsync<OverrideBody>(request, cancellationToken);
}

public sealed record ScheduleSummary(string Id, string Name, string TimeZoneId, int LayerCount, DateTimeOffset UpdatedAt);

public sealed record ScheduleList(IReadOnlyList<ScheduleSummary> Items);

public sealed record ScheduleView(
    string Id,
    string Name,
    string TimeZoneId,
    IReadOnlyList<RotationLayer> Layers,
    IReadOnlyList<OverrideView> Overrides,
    [property: JsonPropertyName("etag")] string ETag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record OverrideView(string Id, string AgentId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Who is on call over [<see cref="From"/>, <see cref="To"/>): bands that cover the interval without holes, a gap being
/// a band with no agent. <c>localStart</c>/<c>localEnd</c> carry the schedule zone's offset at that moment.
/// <see cref="Layers"/> are each layer's own shifts (no gaps listed), so a page can show how the bands came about.
/// </summary>
public sealed record TimelineView(
    string ScheduleId, string Name, string TimeZoneId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TimelineBand> Bands,
    IReadOnlyList<LayerTimeline> Layers);

/// <summary>One layer's shifts over the timeline's interval, in the layer order of the schedule.</summary>
public sealed record LayerTimeline(string Name, IReadOnlyList<TimelineBand> Bands);

public sealed record TimelineBand(string? AgentId, bool Gap, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset LocalStart, DateTimeOffset LocalEnd);

public sealed record OnCallNow(DateTimeOffset At, IReadOnlyList<OnCallNowEntry> Schedules);

/// <summary>In a gap <see cref="AgentId"/> is null and <see cref="Next"/> is whoever comes on shift after it.</summary>
public sealed record OnCallNowEntry(string ScheduleId, string Name, string TimeZoneId, string? AgentId, DateTimeOffset? Since, DateTimeOffset? Until, HandOffView? Next);

public sealed record HandOffView(string AgentId, DateTimeOffset At);

/// <summary>The feed's secret URL, shown once: only the token's hash is stored.</summary>
public sealed record CalendarTokenIssued(string Kind, string Subject, string Url);

internal static class OnCallViewMapping
{
    public static ScheduleView ToView(OnCallSchedule schedule, Azure.ETag etag, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new(
        schedule.Id, schedule.Name, schedule.TimeZoneId, schedule.Layers,
        [.. schedule.Overrides.OrderBy(o => o.Start).Select(o => new OverrideView(o.Id, o.AgentId, o.Start.ToDateTimeOffset(), o.End.ToDateTimeOffset()))],
        etag.ToString(), createdAt, updatedAt);
}
