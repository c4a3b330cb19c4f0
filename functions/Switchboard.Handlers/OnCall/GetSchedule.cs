using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>GET /api/oncall/schedules/{id}</c>: the schedule with its layers and overrides; its ETag in the header and body.</summary>
public sealed class GetSchedule(ScheduleStore schedules)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await schedules.GetAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        return Results.Json(OnCallViewMapping.ToView(stored.Schedule, stored.ETag, stored.CreatedAt, stored.UpdatedAt), OnCallJson.Options)
            .WithETag(stored.ETag.ToString());
    }
}
