using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>POST /api/oncall/schedules</c>: a new schedule (admins). 201 with its id and ETag; 400 naming each bad field.</summary>
public sealed class CreateSchedule(AgentAuthenticator auth, ScheduleStore schedules, ShiftStartAlarm shiftStarts, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAdminAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var (body, problem) = await OnCallRequests.ReadBodyAsync<ScheduleBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (schedule, problems) = OnCallRequests.ToSchedule(OnCallRequests.NewScheduleId(), body!, []);
        if (problems.Count > 0)
        {
            return OnCallRequests.Invalid(problems);
        }
        var now = time.GetUtcNow();
        var etag = await schedules.AddAsync(schedule, now, cancellationToken);
        await shiftStarts.ArmAsync(cancellationToken);
        OnCallRequests.SetETag(request, etag);
        return Results.Json(OnCallViewMapping.ToView(schedule, etag, now, now), OnCallJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
