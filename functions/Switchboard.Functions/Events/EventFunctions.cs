using Switchboard.Core;
using Switchboard.Handlers.Events;

namespace Switchboard.Functions.Events;

public sealed class EventFunctions(PoisonQueue poisonQueue, DispatchDomainEvent dispatchDomainEvent)
{
    [Function(nameof(DispatchDomainEvent))]
    public Task DispatchDomainEvent([QueueTrigger(QueueNames.DomainEvents)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.DomainEvents, message, dispatchDomainEvent.HandleAsync, cancellationToken);
}
