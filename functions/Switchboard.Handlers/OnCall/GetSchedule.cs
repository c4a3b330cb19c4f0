using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>GET /api/oncall/schedules/{id}</c>: the schedule with its layers and overrides; its ETag in the header and body.</summary>
public sealed class GetSchedule(AgentAuthenticator auth, ScheduleStore schedules)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (!OnCallRequests.IsId(id) || await schedules.GetAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        OnCallRequests.SetETag(request, stored.ETag);
        return Results.Json(OnCallViewMapping.ToView(stored.Schedule, stored.ETag, stored.CreatedAt, stored.UpdatedAt), OnCallJson.Options);
    }
}
