using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// <c>POST /api/oncall/schedules/{id}/calendar-token</c>: a new secret feed URL for the schedule, shown once; the previous
/// one stops working, so every teammate subscribed to it loses the feed: admins only (403 for others). An agent who wants
/// their own shifts in a calendar issues their personal feed instead.
/// </summary>
public sealed class IssueScheduleCalendarToken(AgentAuthenticator auth, ScheduleStore schedules, CalendarTokens tokens)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAdminAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (!OnCallRequests.IsId(id) || await schedules.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no schedule '{id}'.");
        }
        return Results.Json(await tokens.IssueAsync(request, CalendarFeedKind.Schedule, id, cancellationToken), OnCallJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
