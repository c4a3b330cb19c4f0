using System.Text.Json;

namespace Switchboard.Storage.Queues;

/// <summary>
/// Puts a JSON message on one of our queues, optionally invisible for a while: the delayed check or retry is the
/// queue's own visibility timeout (at most 7 days), not a polling loop. Messages are base64, as host.json expects.
/// </summary>
public sealed class WorkQueue(StorageAccount storage)
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    /// <summary>
    /// How long to hide a message due at <paramref name="at"/>: at least a second, at most <see cref="MaxDelay"/> (a later
    /// one surfaces early and its handler queues it again for the time left).
    /// </summary>
    public static TimeSpan DelayUntil(DateTimeOffset at, DateTimeOffset now)
    {
        var wait = at - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxDelay ? MaxDelay : wait;
    }

    public async Task SendAsync<T>(string queueName, T message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        if (delay > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "Queue messages can be hidden for at most 7 days.");
        }
        var json = JsonSerializer.Serialize(message, JsonDefaults.Options);
        await storage.Queue(queueName).SendMessageAsync(
            BinaryData.FromString(json), visibilityTimeout: delay is { } d && d > TimeSpan.Zero ? d : null,
            timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
    }
}
