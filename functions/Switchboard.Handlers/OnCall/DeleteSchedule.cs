using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary><c>DELETE /api/oncall/schedules/{id}</c>: the schedule, its overrides and its calendar feed (admins). 204.</summary>
public sealed class DeleteSchedule(AgentAuthenticator auth, ScheduleStore schedules, CalendarTokenStore tokens)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAdminAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (!OnCallRequests.IsId(id) || !await schedules.DeleteAsync(id, cancellationToken))
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        await tokens.RevokeAsync(CalendarFeedKind.Schedule, id, cancellationToken);
        return Results.NoContent();
    }
}
