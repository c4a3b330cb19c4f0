using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Storage.Queues;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Subscribers;

/// <summary>
/// Queue <c>status-notifications</c>. <c>fanout</c>: chunk <see cref="Chunk"/> of the event's subscribers, from
/// <see cref="Continuation"/>. <c>confirm</c>: send <see cref="SubscriberId"/> its confirmation. <c>webhook</c>: post
/// the event to <see cref="SubscriberId"/>. The event is an incident update (<see cref="IncidentId"/>,
/// <see cref="UpdateAt"/>) or a maintenance stage (<see cref="MaintenanceId"/>, <see cref="Stage"/>), read from the
/// tables when the message runs.
/// </summary>
public sealed record StatusNotificationWork(
    string Type, string? EventId = null, string? IncidentId = null, DateTimeOffset? UpdateAt = null, string? MaintenanceId = null,
    MaintenanceStatus? Stage = null, int Chunk = 0, string? Continuation = null, string? SubscriberId = null)
{
    public const string FanOut = "fanout";
    public const string Confirm = "confirm";
    public const string Webhook = "webhook";
}

/// <summary>What subscribers are told about one event, in the words of both the email and the webhook.</summary>
/// <param name="Type">incident.created, incident.updated, incident.resolved, maintenance.scheduled, maintenance.started or maintenance.completed.</param>
public sealed record StatusNotice(
    string EventId, string Type, DateTimeOffset At, string Title, string Status, string Message, IReadOnlyCollection<string> ComponentIds,
    IReadOnlyList<string> ComponentNames, string? IncidentId, string? Impact, string? MaintenanceId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    string? Url);

/// <summary>
/// Starts a notification's fan-out: one <c>fanout</c> message for chunk 0. Called after an incident update marked
/// notify is stored, and after a maintenance window is scheduled, starts or completes. The event id is derived from
/// what happened (incident and update time, or window and stage), so the same event queued twice claims the same
/// per-subscriber markers and is sent once.
/// </summary>
public sealed class StatusNotifier(WorkQueue queue)
{
    public static string EventIdOf(string incidentId, DateTimeOffset updateAt) => $"i{incidentId}-{updateAt.UtcTicks:D19}";

    public static string EventIdOf(string maintenanceId, MaintenanceStatus stage) => $"m{maintenanceId}-{StatusNames.Of(stage)}";

    public Task IncidentAsync(Incident incident, IncidentUpdate update, CancellationToken cancellationToken = default) =>
        update.Notify
            ? queue.SendAsync(QueueNames.StatusNotifications, new StatusNotificationWork(StatusNotificationWork.FanOut,
                EventIdOf(incident.Id, update.At), IncidentId: incident.Id, UpdateAt: update.At), cancellationToken: cancellationToken)
            : Task.CompletedTask;

    public Task MaintenanceAsync(Maintenance maintenance, CancellationToken cancellationToken = default) =>
        queue.SendAsync(QueueNames.StatusNotifications, new StatusNotificationWork(StatusNotificationWork.FanOut,
            EventIdOf(maintenance.Id, maintenance.Status), MaintenanceId: maintenance.Id, Stage: maintenance.Status), cancellationToken: cancellationToken);
}

/// <summary>Reads the event a message names and words it; null when it no longer exists.</summary>
public sealed class StatusNoticeReader(StatusStore store, IOptions<StatusPageOptions> page)
{
    public async Task<StatusNotice?> ReadAsync(StatusNotificationWork work, CancellationToken cancellationToken = default)
    {
        var components = await store.ListComponentsAsync(cancellationToken);
        string Name(string id) => components.FirstOrDefault(c => c.Id == id)?.Name ?? id;
        var pageUrl = page.Value.Url;
        if (work.IncidentId is { } incidentId && work.UpdateAt is { } at)
        {
            if (await store.GetIncidentAsync(incidentId, cancellationToken) is not var (incident, _)
                || incident.Updates.FirstOrDefault(u => u.At == at) is not { } update)
            {
                return null;
            }
            var type = update.At == incident.Updates[0].At ? "incident.created" : update.Status == IncidentStatus.Resolved ? "incident.resolved" : "incident.updated";
            var ids = incident.AffectedComponentIds.ToList();
            return new StatusNotice(work.EventId!, type, update.At, incident.Title, StatusNames.Of(update.Status), update.Message, ids,
                ids.Select(Name).ToList(), incident.Id, StatusNames.Of(incident.Impact), null, null, null,
                pageUrl.Length > 0 ? $"{pageUrl}incidents/{incident.Id}/" : null);
        }
        if (work.MaintenanceId is { } maintenanceId && work.Stage is { } stage
            && await store.GetMaintenanceAsync(maintenanceId, cancellationToken) is var (maintenance, _))
        {
            var (type, stageAt) = stage switch
            {
                MaintenanceStatus.InProgress => ("maintenance.started", maintenance.StartsAt),
                MaintenanceStatus.Completed => ("maintenance.completed", maintenance.EndsAt),
                _ => ("maintenance.scheduled", maintenance.ScheduledAt),
            };
            return new StatusNotice(work.EventId!, type, stageAt, maintenance.Title, StatusNames.Of(stage), maintenance.Message, maintenance.ComponentIds,
                maintenance.ComponentIds.Select(Name).ToList(), null, null, maintenance.Id, maintenance.StartsAt, maintenance.EndsAt,
                pageUrl.Length > 0 ? pageUrl : null);
        }
        return null;
    }
}
