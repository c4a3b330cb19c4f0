using Azure;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>PUT /api/oncall/schedules/{id}</c> with <c>If-Match: {etag}</c>: replaces name, zone and layers (overrides stay;
/// they have their own routes). A stale ETag is a 409, so two admins editing at once never clobber each other.
/// </summary>
public sealed class UpdateSchedule(ScheduleStore schedules, ShiftStartAlarm shiftStarts, TimeProvider time)
{
    public async Task<IResult> HandleAsync(string id, ScheduleEdit edit, CancellationToken cancellationToken = default)
    {
        if (await schedules.GetAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        var (schedule, problems) = OnCallRequests.ToSchedule(id, edit.Body, stored.Schedule.Overrides);
        if (problems.Count > 0)
        {
            return OnCallRequests.Invalid(problems);
        }
        var now = time.GetUtcNow();
        if (await schedules.ReplaceAsync(schedule, stored.CreatedAt, new ETag(edit.IfMatch), now, cancellationToken) is not { } etag)
        {
            return Problems.Conflict($"Schedule '{id}' was changed (or deleted) since you read it. Read it again, then reapply your edit.");
        }
        await shiftStarts.ArmAsync(cancellationToken);
        return Results.Json(OnCallViewMapping.ToView(schedule, etag, stored.CreatedAt, now), OnCallJson.Options).WithETag(etag.ToString());
    }
}

/// <summary>A schedule's replacement: the ETag it was read at (If-Match; 428 without it) and the new schedule.</summary>
public sealed record ScheduleEdit(string IfMatch, ScheduleBody Body) : IRequestInput<ScheduleEdit>
{
    public static async ValueTask<(ScheduleEdit? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The schedule's ETag is the table's, not a VersionTags "v<n>": passed through as sent.
        if (request.Headers.IfMatch.FirstOrDefault() is not { Length: > 0 } ifMatch)
        {
            return (null, Problems.PreconditionRequired("Send the ETag you read as If-Match, so a concurrent edit is not overwritten.", "If-Match"));
        }
        var (body, invalid) = await ScheduleBody.BindAsync(request, cancellationToken);
        return body is null ? (null, invalid) : (new ScheduleEdit(ifMatch, body), null);
    }
}
