using NodaTime;
using Switchboard.Core.OnCall;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>POST /api/oncall/schedules/{id}/overrides</c> <c>{agentId, start, end}</c>: the agent covers [start, end) whatever the
/// layers say (admins). Overrides are rows of their own, so adding one never conflicts with an edit of the layers.
/// </summary>
public sealed class AddOverride(ScheduleStore schedules, ShiftStartAlarm shiftStarts, TimeProvider time)
{
    public async Task<IResult> HandleAsync(string id, OverrideBody body, CancellationToken cancellationToken = default)
    {
        if (await schedules.GetAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        var problems = new List<ScheduleProblem>();
        if (body.Start is null)
        {
            problems.Add(new("start", "An override needs a start, e.g. \"2026-03-02T12:00:00Z\"."));
        }
        if (body.End is null)
        {
            problems.Add(new("end", "An override needs an end."));
        }
        if (body.AgentId is { } agentId && !OnCallRequests.IsAgentId(agentId))
        {
            problems.Add(new("agentId", "An agent id is 1 to 200 characters without surrounding spaces."));
        }
        var added = new ScheduleOverride(OnCallRequests.NewOverrideId(), body.AgentId ?? "",
            Instant.FromDateTimeOffset(body.Start ?? default), Instant.FromDateTimeOffset(body.End ?? default));
        if (problems.Count == 0)
        {
            // The core checks the override in place: its problems are named overrides[n].field.
            var prefix = $"overrides[{stored.Schedule.Overrides.Count}].";
            problems.AddRange((stored.Schedule with { Overrides = [.. stored.Schedule.Overrides, added] }).Validate()
                .Where(p => p.Field.StartsWith(prefix, StringComparison.Ordinal))
                .Select(p => p with { Field = p.Field[prefix.Length..] }));
        }
        if (problems.Count > 0)
        {
            return OnCallRequests.Invalid(problems);
        }
        await schedules.AddOverrideAsync(id, added, time.GetUtcNow(), cancellationToken);
        await shiftStarts.ArmAsync(cancellationToken);
        return Results.Json(new OverrideView(added.Id, added.AgentId, added.Start.ToDateTimeOffset(), added.End.ToDateTimeOffset()),
            OnCallJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
