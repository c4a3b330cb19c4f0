using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>GET /api/oncall/schedules</c>: every schedule, by name. One partition query.</summary>
public sealed class ListSchedules(ScheduleStore schedules)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var items = (await schedules.ListAsync(cancellationToken))
            .Select(s => new ScheduleSummary(s.Schedule.Id, s.Schedule.Name, s.Schedule.TimeZoneId, s.Schedule.Layers.Count, s.UpdatedAt))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return Results.Json(new ScheduleList(items), OnCallJson.Options);
    }
}
