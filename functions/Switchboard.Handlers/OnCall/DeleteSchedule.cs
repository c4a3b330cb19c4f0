using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>DELETE /api/oncall/schedules/{id}</c>: the schedule, its overrides and its calendar feed (admins). 204.</summary>
public sealed class DeleteSchedule(ScheduleStore schedules, CalendarTokenStore tokens)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!await schedules.DeleteAsync(id, cancellationToken))
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        await tokens.RevokeAsync(CalendarFeedKind.Schedule, id, cancellationToken);
        return Results.NoContent();
    }
}
