using Azure;
using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>PUT /api/oncall/schedules/{id}</c> with <c>If-Match: {etag}</c>: replaces name, zone and layers (overrides stay;
/// they have their own routes). A stale ETag is a 409, so two admins editing at once never clobber each other.
/// </summary>
public sealed class UpdateSchedule(AgentAuthenticator auth, ScheduleStore schedules, ShiftStartAlarm shiftStarts, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAdminAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (request.Headers.IfMatch.FirstOrDefault() is not { Length: > 0 } ifMatch)
        {
            return Problems.PreconditionRequired("Send the ETag you read as If-Match, so a concurrent edit is not overwritten.", "If-Match");
        }
        if (!OnCallRequests.IsId(id) || await schedules.GetAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        var (body, problem) = await OnCallRequests.ReadBodyAsync<ScheduleBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (schedule, problems) = OnCallRequests.ToSchedule(id, body!, stored.Schedule.Overrides);
        if (problems.Count > 0)
        {
            return OnCallRequests.Invalid(problems);
        }
        var now = time.GetUtcNow();
        if (await schedules.ReplaceAsync(schedule, stored.CreatedAt, new ETag(ifMatch), now, cancellationToken) is not { } etag)
        {
            return Problems.Conflict($"Schedule '{id}' was changed (or deleted) since you read it. Read it again, then reapply your edit.");
        }
        await shiftStarts.ArmAsync(cancellationToken);
        OnCallRequests.SetETag(request, etag);
        return Results.Json(OnCallViewMapping.ToView(schedule, etag, stored.CreatedAt, now), OnCallJson.Options);
    }
}
