using Switchboard.Handlers.OnCall;

namespace Switchboard.Functions.OnCall;

public sealed class OnCallFunctions(
    AgentApi api,
    ListSchedules listSchedules,
    CreateSchedule createSchedule,
    GetSchedule getSchedule,
    UpdateSchedule updateSchedule,
    DeleteSchedule deleteSchedule,
    AddOverride addOverride,
    RemoveOverride removeOverride,
    GetTimeline getTimeline,
    GetOnCallNow getOnCallNow,
    IssueScheduleCalendarToken issueScheduleCalendarToken,
    RevokeScheduleCalendarToken revokeScheduleCalendarToken,
    IssueAgentCalendarToken issueAgentCalendarToken,
    RevokeAgentCalendarToken revokeAgentCalendarToken,
    GetCalendarFeed getCalendarFeed)
{
    [Function(nameof(ListSchedules))]
    [Api("On call", "Every schedule, by name.", typeof(ScheduleList), Problems = [401])]
    public Task<IResult> ListSchedules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/schedules")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listSchedules.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(CreateSchedule))]
    [Api("On call", "A new schedule: name, timeZoneId, layers. Admins only. 400 names each bad field (errors, field).", typeof(ScheduleView), Status = 201, Body = typeof(ScheduleBody), Problems = [401, 403], Validation = true)]
    public Task<IResult> CreateSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/oncall/schedules")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<ScheduleBody>(request, Callers.Admin, (_, body) => createSchedule.HandleAsync(body, cancellationToken), cancellationToken);

    [Function(nameof(GetSchedule))]
    [Api("On call", "A schedule with its layers and overrides; the ETag a PUT must send as If-Match.", typeof(ScheduleView), Problems = [401, 404])]
    public Task<IResult> GetSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/schedules/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getSchedule.HandleAsync(id, cancellationToken), cancellationToken, OnCallRoute.ScheduleId(id));

    [Function(nameof(UpdateSchedule))]
    [Api("On call", "Replaces name, zone and layers; needs If-Match. A stale ETag is a 409. Admins only.", typeof(ScheduleView), Body = typeof(ScheduleBody), Problems = [401, 403, 404, 409, 428], Validation = true)]
    public Task<IResult> UpdateSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/oncall/schedules/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<ScheduleEdit>(request, Callers.Admin,
            (_, edit) => updateSchedule.HandleAsync(id, edit, cancellationToken), cancellationToken, OnCallRoute.ScheduleId(id));

    [Function(nameof(DeleteSchedule))]
    [Api("On call", "Deletes the schedule, its overrides and its calendar feed. Admins only.", Status = 204, Problems = [401, 403, 404])]
    public Task<IResult> DeleteSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/oncall/schedules/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin, _ => deleteSchedule.HandleAsync(id, cancellationToken), cancellationToken, OnCallRoute.ScheduleId(id));

    [Function(nameof(AddOverride))]
    [Api("On call", "agentId covers [start, end) whatever the layers say. Admins only.", typeof(OverrideView), Status = 201, Body = typeof(OverrideBody), Problems = [401, 403, 404], Validation = true)]
    public Task<IResult> AddOverride(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/oncall/schedules/{id}/overrides")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<OverrideBody>(request, Callers.Admin,
            (_, body) => addOverride.HandleAsync(id, body, cancellationToken), cancellationToken, OnCallRoute.ScheduleId(id));

    [Function(nameof(RemoveOverride))]
    [Api("On call", "Removes an override. Admins only.", Status = 204, Problems = [401, 403, 404])]
    public Task<IResult> RemoveOverride(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/oncall/schedules/{id}/overrides/{overrideId}")] HttpRequest request,
        string id, string overrideId, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin,
            _ => removeOverride.HandleAsync(id, overrideId, cancellationToken), cancellationToken, OnCallRoute.ScheduleId(id));

    [Function(nameof(GetTimeline))]
    [Api("On call", "Who is on call over [from, to) (default: now to 14 days ahead, at most 62 days), gaps included, with local times.", typeof(TimelineView), Problems = [400, 401, 404])]
    public Task<IResult> GetTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/schedules/{id}/timeline")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<TimelineRange>(request, Callers.AnyAgent,
            (_, range) => getTimeline.HandleAsync(id, range, cancellationToken), cancellationToken, OnCallRoute.ScheduleId(id));

    [Function(nameof(GetOnCallNow))]
    [Api("On call", "For every schedule: who is on call now, until when, and who is next.", typeof(OnCallNow), Problems = [401])]
    public Task<IResult> GetOnCallNow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/now")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getOnCallNow.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(IssueScheduleCalendarToken))]
    [Api("On call", "A new secret iCalendar URL for the schedule, shown once; the previous one stops working.", typeof(CalendarTokenIssued), Status = 201, Problems = [401, 404])]
    public Task<IResult> IssueScheduleCalendarToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/oncall/schedules/{id}/calendar-token")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin,
            _ => issueScheduleCalendarToken.HandleAsync(id, CalendarTokens.FeedBase(request), cancellationToken), cancellationToken, OnCallRoute.ScheduleId(id));

    [Function(nameof(RevokeScheduleCalendarToken))]
    [Api("On call", "The schedule's iCalendar URL stops working.", Status = 204, Problems = [401, 404])]
    public Task<IResult> RevokeScheduleCalendarToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/oncall/schedules/{id}/calendar-token")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin,
            _ => revokeScheduleCalendarToken.HandleAsync(id, cancellationToken), cancellationToken, OnCallRoute.ScheduleId(id));

    [Function(nameof(IssueAgentCalendarToken))]
    [Api("On call", "A new secret iCalendar URL of the agent's shifts in every schedule, shown once. The agent or an admin.", typeof(CalendarTokenIssued), Status = 201, Problems = [401, 403, 404])]
    public Task<IResult> IssueAgentCalendarToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/oncall/agents/{agentId}/calendar-token")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent,
            agent => issueAgentCalendarToken.HandleAsync(agent, agentId, CalendarTokens.FeedBase(request), cancellationToken), cancellationToken);

    [Function(nameof(RevokeAgentCalendarToken))]
    [Api("On call", "The agent's iCalendar URL stops working. The agent or an admin.", Status = 204, Problems = [401, 403, 404])]
    public Task<IResult> RevokeAgentCalendarToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/oncall/agents/{agentId}/calendar-token")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => revokeAgentCalendarToken.HandleAsync(agent, agentId, cancellationToken), cancellationToken);

    [Function(nameof(GetCalendarFeed))]
    [Api("On call", "iCalendar feed (text/calendar) for calendar apps; the secret token in the URL is the only credential.", typeof(string), ContentType = "text/calendar", Problems = [404])]
    public Task<IResult> GetCalendarFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/calendars/{token}.ics")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        getCalendarFeed.HandleAsync(request, token, cancellationToken);
}
