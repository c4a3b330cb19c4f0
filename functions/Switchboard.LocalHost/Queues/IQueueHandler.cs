namespace Switchboard.LocalHost.Queues;

/// <summary>
/// What the queue pump feeds: the messages of one queue, decoded to text. The local host makes one for each
/// <c>[QueueTrigger]</c> function it discovers (<see cref="Functions.FunctionTriggers"/>). Throwing leaves the message
/// to be retried and, after <c>maxDequeueCount</c> tries, moved to the poison queue; so a handler must be idempotent.
/// </summary>
public interface IQueueHandler
{
    /// <summary>The logical queue name, as the <c>[QueueTrigger]</c> names it.</summary>
    string QueueName { get; }

    Task HandleAsync(string message, CancellationToken cancellationToken = default);
}
