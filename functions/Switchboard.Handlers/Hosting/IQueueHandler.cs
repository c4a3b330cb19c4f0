namespace Switchboard.Handlers.Hosting;

/// <summary>
/// Handles the messages of one queue. Both hosts call it with the decoded message text: the Functions app from a
/// <c>[QueueTrigger]</c>, the local host from its queue pump. Throwing leaves the message to be retried and, after
/// <c>maxDequeueCount</c> tries, moved to the poison queue; so a handler must be idempotent.
/// </summary>
public interface IQueueHandler
{
    /// <summary>The logical queue name, one of <see cref="Core.QueueNames"/>.</summary>
    string QueueName { get; }

    Task HandleAsync(string message, CancellationToken cancellationToken = default);
}
