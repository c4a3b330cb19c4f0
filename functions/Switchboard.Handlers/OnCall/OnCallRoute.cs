namespace Switchboard.Handlers.OnCall;

public static class OnCallRoute
{
    /// <summary>A route's schedule id: 404 unless it has the shape of one we issue.</summary>
    public static RouteId ScheduleId(string id) => RouteId.Of(id, "schedule", OnCallRequests.IsId);
}
