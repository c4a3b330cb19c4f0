using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>POST /api/oncall/schedules</c>: a new schedule (admins). 201 with its id and ETag; 400 naming each bad field.</summary>
public sealed class CreateSchedule(ScheduleStore schedules, ShiftStartAlarm shiftStarts, TimeProvider time)
{
    public async Task<IResult> HandleAsync(ScheduleBody body, CancellationToken cancellationToken = default)
    {
        var (schedule, problems) = OnCallRequests.ToSchedule(OnCallRequests.NewScheduleId(), body, []);
        if (problems.Count > 0)
        {
            return OnCallRequests.Invalid(problems);
        }
        var now = time.GetUtcNow();
        var etag = await schedules.AddAsync(schedule, now, cancellationToken);
        await shiftStarts.ArmAsync(cancellationToken);
        return Results.Json(OnCallViewMapping.ToView(schedule, etag, now, now), OnCallJson.Options, statusCode: StatusCodes.Status201Created)
            .WithETag(etag.ToString());
    }
}
