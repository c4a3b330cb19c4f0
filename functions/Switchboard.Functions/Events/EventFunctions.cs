using Microsoft.Azure.Functions.Worker;
using Switchboard.Core;
using Switchboard.Handlers.Events;

namespace Switchboard.Functions.Events;

public sealed class EventFunctions(RecordDomainEvent recordDomainEvent)
{
    [Function(nameof(RecordDomainEvent))]
    public Task RecordDomainEvent([QueueTrigger(QueueNames.DomainEvents)] string message, CancellationToken cancellationToken) =>
        recordDomainEvent.HandleAsync(message, cancellationToken);
}
