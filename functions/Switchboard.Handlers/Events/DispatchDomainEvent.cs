using System.Text.Json;
using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Handlers.Escalation;
using Switchboard.Handlers.Metrics;
using Switchboard.Handlers.Nps;
using Switchboard.Handlers.Replies;
using Switchboard.Storage;
using Switchboard.Storage.Events;

namespace Switchboard.Handlers.Events;

/// <summary>
/// Queue <c>domain-events</c>: hands each event to everything that follows one. It records every event in the day's activity log.
/// A new conversation that is not automatic mail starts its mailbox's escalation (<see cref="EscalationEngine.StartAsync"/>) and is
/// emailed to the agents who want it (<see cref="NewConversationNotifier"/>), so they can answer from their own mail client.
/// Every event that is not automatic mail feeds the metrics (<see cref="MetricsRecorder"/>); a close in a surveying mailbox
/// queues its NPS survey (<see cref="NpsSurveyScheduler"/>).
/// </summary>
public sealed class DispatchDomainEvent(
    ActivityLog activity, EscalationEngine escalation, NewConversationNotifier notifier, MetricsRecorder metrics, NpsSurveyScheduler nps)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var domainEvent = QueueMessages.Read<DomainEvent>(message, QueueNames.DomainEvents, JsonDefaults.Options);
        await activity.RecordAsync(domainEvent, cancellationToken);
        await escalation.StartAsync(domainEvent, cancellationToken);
        await notifier.NotifyAsync(domainEvent, cancellationToken);
        await metrics.RecordAsync(domainEvent, cancellationToken);
        await nps.OnEventAsync(domainEvent, cancellationToken);
    }
}
