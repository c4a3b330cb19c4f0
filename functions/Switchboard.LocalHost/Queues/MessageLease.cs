using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Switchboard.LocalHost.Queues;

/// <summary>
/// Keeps a received message invisible while its handler runs, by renewing its visibility at half the receive
/// visibility, and tracks the pop receipt each renewal returns (needed to delete or release the message).
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message, TimeSpan visibility, TimeProvider time, ILogger logger)
{
    private readonly CancellationTokenSource stop = new();
    private Task renewing = Task.CompletedTask;

    public string PopReceipt { get; private set; } = message.PopReceipt;

    public void StartRenewing() => renewing = RenewAsync();

    /// <summary>Stops renewing; an update already sent is awaited so that its new pop receipt is not lost.</summary>
    public async Task StopRenewingAsync()
    {
        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
    }

    private async Task RenewAsync()
    {
        var interval = visibility / 2;
        while (true)
        {
            await Task.Delay(interval, time, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested)
            {
                return;
            }
            try
            {
                var receipt = await queue.UpdateMessageAsync(message.MessageId, PopReceipt, visibilityTimeout: visibility);
                PopReceipt = receipt.Value.PopReceipt;
                QueuePumpLog.Renewed(logger, message.MessageId, queue.Name, visibility);
            }
            catch (Exception e)
            {
                QueuePumpLog.RenewalFailed(logger, message.MessageId, queue.Name, e.Message);
            }
        }
    }
}
