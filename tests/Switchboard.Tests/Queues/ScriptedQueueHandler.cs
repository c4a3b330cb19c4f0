using System.Collections.Concurrent;
using Switchboard.LocalHost.Queues;

namespace Switchboard.Tests.Queues;

/// <summary>A queue handler that records every call and then does what the test scripted for that attempt.</summary>
public sealed class ScriptedQueueHandler(string queueName, Func<int, CancellationToken, Task>? onAttempt = null) : IQueueHandler
{
    private readonly ConcurrentQueue<string> received = new();
    private int attempts;

    public string QueueName => queueName;
    public int Attempts => Volatile.Read(ref attempts);
    public IReadOnlyList<string> Received => received.ToArray();

    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        received.Enqueue(message);
        var attempt = Interlocked.Increment(ref attempts);
        if (onAttempt is not null)
        {
            await onAttempt(attempt, cancellationToken);
        }
    }
}
