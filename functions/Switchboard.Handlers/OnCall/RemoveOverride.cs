using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>DELETE /api/oncall/schedules/{id}/overrides/{overrideId}</c>: the layers apply again (admins). 204.</summary>
public sealed class RemoveOverride(ScheduleStore schedules, ShiftStartAlarm shiftStarts)
{
    public async Task<IResult> HandleAsync(string id, string overrideId, CancellationToken cancellationToken = default)
    {
        if (!OnCallRequests.IsId(overrideId) || !await schedules.DeleteOverrideAsync(id, overrideId, cancellationToken))
        {
            return Problems.NotFound($"Schedule '{id}' has no override '{overrideId}'.");
        }
        // Without the override, whoever it covered may come on call at its start.
        await shiftStarts.ArmAsync(cancellationToken);
        return Results.NoContent();
    }
}
