using Azure;
using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Storage.Account;

namespace Switchboard.Handlers.Hosting;

/// <summary>
/// Runs a queue handler and moves a <see cref="PoisonMessageException"/>'s message to <c>{queue}-poison</c> itself, at
/// once: the Functions host would otherwise retry it <c>maxDequeueCount</c> times. Both hosts invoke the same
/// <c>[Function]</c>, so both behave alike; any other exception is left to the host's retries.
/// </summary>
public sealed partial class PoisonQueue(StorageAccount storage, ILogger<PoisonQueue> logger)
{
    public async Task RunAsync(string queueName, string message, Func<string, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle(message, cancellationToken);
        }
        catch (PoisonMessageException e)
        {
            var poison = storage.Queue(QueueNames.PoisonOf(queueName));
            LogPoisoned(queueName, e.Message, poison.Name);
            try
            {
                await poison.SendMessageAsync(message, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException missing) when (missing.Status == 404)
            {
                await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await poison.SendMessageAsync(message, cancellationToken: cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A message on '{Queue}' can never succeed ({Reason}); moved to '{PoisonQueue}' without retrying.")]
    private partial void LogPoisoned(string queue, string reason, string poisonQueue);
}
