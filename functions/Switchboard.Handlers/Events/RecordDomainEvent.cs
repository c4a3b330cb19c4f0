using System.Text.Json;
using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Handlers.Hosting;
using Switchboard.Handlers.Replies;
using Switchboard.Storage;
using Switchboard.Storage.Events;

namespace Switchboard.Handlers.Events;

/// <summary>
/// Queue <c>domain-events</c>: records every event in the day's activity log, which metrics and the weekly digest read.
/// Paging and notifications subscribe here as they arrive.
/// </summary>
public sealed class RecordDomainEvent(ActivityLog activity, NewConversationNotifier notifier) : IQueueHandler
{
    public string QueueName => QueueNames.DomainEvents;

    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var domainEvent = JsonSerializer.Deserialize<DomainEvent>(message, JsonDefaults.Options)
            ?? throw new InvalidDataException("The domain-events queue message is empty.");
        await activity.RecordAsync(domainEvent, cancellationToken);
        await notifier.NotifyAsync(domainEvent, cancellationToken);
    }
}
