using Microsoft.Azure.Functions.Worker;
using Switchboard.Core;
using Switchboard.Handlers.Events;
using Switchboard.Handlers.Hosting;

namespace Switchboard.Functions.Events;

public sealed class EventFunctions(PoisonQueue poisonQueue, RecordDomainEvent recordDomainEvent)
{
    [Function(nameof(RecordDomainEvent))]
    public Task RecordDomainEvent([QueueTrigger(QueueNames.DomainEvents)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.DomainEvents, message, recordDomainEvent.HandleAsync, cancellationToken);
}
