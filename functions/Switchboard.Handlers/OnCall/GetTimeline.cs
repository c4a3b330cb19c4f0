using System.Globalization;
using NodaTime;
using Switchboard.Core.OnCall;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>GET /api/oncall/schedules/{id}/timeline?from=&amp;to=</c>: who is on call over the interval, gaps included, with
/// local times in the schedule's zone. Default: now to 14 days ahead; at most <see cref="MaxDays"/> days.
/// </summary>
public sealed class GetTimeline(ScheduleStore schedules, TimeProvider time)
{
    public const int DefaultDays = 14;
    public const int MaxDays = 62;

    public async Task<IResult> HandleAsync(string id, TimelineRange range, CancellationToken cancellationToken = default)
    {
        var from = range.From ?? time.GetUtcNow();
        var to = range.To ?? from.AddDays(DefaultDays);
        if (to <= from)
        {
            return Problems.BadRequest("to must be after from.", "to");
        }
        if (to - from > TimeSpan.FromDays(MaxDays))
        {
            return Problems.BadRequest($"A timeline covers at most {MaxDays} days.", "to");
        }
        if (await schedules.GetAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }

        var schedule = stored.Schedule;
        var zone = DateTimeZoneProviders.Tzdb[schedule.TimeZoneId];
        var (start, end) = (Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to));
        var calculator = new OnCallCalculator(schedule);
        var bands = calculator.Timeline(start, end).Select(s => Band(s.AgentId, s.Start, s.End, zone))
            .Concat(calculator.Gaps(start, end).Select(g => Band(null, g.Start, g.End, zone)))
            .OrderBy(b => b.Start)
            .ToList();
        var layers = calculator.LayerTimelines(start, end)
            .Select((shifts, i) => new LayerTimeline(schedule.Layers[i].Name, [.. shifts.Select(s => Band(s.AgentId, s.Start, s.End, zone))]))
            .ToList();
        return Results.Json(
            new TimelineView(schedule.Id, schedule.Name, schedule.TimeZoneId, from.ToUniversalTime(), to.ToUniversalTime(), bands, layers),
            OnCallJson.Options);
    }

    private static TimelineBand Band(string? agentId, Instant start, Instant end, DateTimeZone zone) => new(
        agentId, agentId is null, start.ToDateTimeOffset(), end.ToDateTimeOffset(),
        start.InZone(zone).ToDateTimeOffset(), end.InZone(zone).ToDateTimeOffset());
}

/// <summary>The <c>from</c> and <c>to</c> query values of a timeline; null when absent (the handler defaults them).</summary>
public sealed record TimelineRange(DateTimeOffset? From, DateTimeOffset? To) : IRequestInput<TimelineRange>
{
    public static ValueTask<(TimelineRange? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "from", "to" })
        {
            if (!TryReadMoment(request, name, out _))
            {
                return ValueTask.FromResult<(TimelineRange?, IResult?)>(
                    (null, Problems.BadRequest($"{name} is an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:00:00Z.", name)));
            }
        }
        TryReadMoment(request, "from", out var from);
        TryReadMoment(request, "to", out var to);
        return ValueTask.FromResult<(TimelineRange?, IResult?)>((new TimelineRange(from, to), null));
    }

    /// <summary>False for a value that is present but unreadable; <paramref name="value"/> null when absent.</summary>
    private static bool TryReadMoment(HttpRequest request, string name, out DateTimeOffset? value)
    {
        value = null;
        if (request.Query[name].FirstOrDefault() is not { Length: > 0 } text)
        {
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }
}
