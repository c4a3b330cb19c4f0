using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.OnCall;

namespace Switchboard.Functions.OnCall;

public sealed class OnCallFunctions(
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
    public Task<IResult> ListSchedules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/schedules")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listSchedules.HandleAsync(request, cancellationToken);

    [Function(nameof(CreateSchedule))]
    public Task<IResult> CreateSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "oncall/schedules")] HttpRequest request,
        CancellationToken cancellationToken) =>
        createSchedule.HandleAsync(request, cancellationToken);

    [Function(nameof(GetSchedule))]
    public Task<IResult> GetSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/schedules/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        getSchedule.HandleAsync(request, id, cancellationToken);

    [Function(nameof(UpdateSchedule))]
    public Task<IResult> UpdateSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "oncall/schedules/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        updateSchedule.HandleAsync(request, id, cancellationToken);

    [Function(nameof(DeleteSchedule))]
    public Task<IResult> DeleteSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "oncall/schedules/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        deleteSchedule.HandleAsync(request, id, cancellationToken);

    [Function(nameof(AddOverride))]
    public Task<IResult> AddOverride(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "oncall/schedules/{id}/overrides")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        addOverride.HandleAsync(request, id, cancellationToken);

    [Function(nameof(RemoveOverride))]
    public Task<IResult> RemoveOverride(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "oncall/schedules/{id}/overrides/{overrideId}")] HttpRequest request,
        string id, string overrideId, CancellationToken cancellationToken) =>
        removeOverride.HandleAsync(request, id, overrideId, cancellationToken);

    [Function(nameof(GetTimeline))]
    public Task<IResult> GetTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/schedules/{id}/timeline")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        getTimeline.HandleAsync(request, id, cancellationToken);

    [Function(nameof(GetOnCallNow))]
    public Task<IResult> GetOnCallNow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/now")] HttpRequest request,
        CancellationToken cancellationToken) =>
        getOnCallNow.HandleAsync(request, cancellationToken);

    [Function(nameof(IssueScheduleCalendarToken))]
    public Task<IResult> IssueScheduleCalendarToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "oncall/schedules/{id}/calendar-token")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        issueScheduleCalendarToken.HandleAsync(request, id, cancellationToken);

    [Function(nameof(RevokeScheduleCalendarToken))]
    public Task<IResult> RevokeScheduleCalendarToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "oncall/schedules/{id}/calendar-token")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        revokeScheduleCalendarToken.HandleAsync(request, id, cancellationToken);

    [Function(nameof(IssueAgentCalendarToken))]
    public Task<IResult> IssueAgentCalendarToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "oncall/agents/{agentId}/calendar-token")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        issueAgentCalendarToken.HandleAsync(request, agentId, cancellationToken);

    [Function(nameof(RevokeAgentCalendarToken))]
    public Task<IResult> RevokeAgentCalendarToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "oncall/agents/{agentId}/calendar-token")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        revokeAgentCalendarToken.HandleAsync(request, agentId, cancellationToken);

    [Function(nameof(GetCalendarFeed))]
    public Task<IResult> GetCalendarFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/calendars/{token}.ics")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        getCalendarFeed.HandleAsync(request, token, cancellationToken);
}
