using Switchboard.Core;
using Switchboard.Storage.Account;

namespace Switchboard.Handlers.Admin;

/// <summary>
/// <c>POST /api/queues/{queue}/replay</c>: moves every message of <c>{queue}-poison</c> back onto the queue,
/// once whatever made it fail is fixed. Admins only.
/// </summary>
public sealed class ReplayPoisonMessages(StorageAccount storage)
{
    private const int MaxPerCall = 1000;

    public async Task<IResult> HandleAsync(string queue, CancellationToken cancellationToken = default)
    {
        if (!QueueNames.All.Contains(queue))
        {
            return Problems.NotFound($"There is no queue '{queue}'. Queues: {string.Join(", ", QueueNames.All)}.");
        }

        var poison = storage.Queue(QueueNames.PoisonOf(queue));
        var target = storage.Queue(queue);
        var replayed = 0;
        while (replayed < MaxPerCall)
        {
            var batch = (await poison.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(1), cancellationToken)).Value;
            if (batch.Length == 0)
            {
                break;
            }
            foreach (var message in batch)
            {
                await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                replayed++;
            }
        }
        return Results.Ok(new ReplayResult(queue, replayed));
    }
}

public sealed record ReplayResult(string Queue, int Replayed);
