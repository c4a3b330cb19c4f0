using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Switchboard.Core;
using Switchboard.Handlers.Telemetry;
using Switchboard.Storage.Account;

namespace Switchboard.LocalHost.Queues;

/// <summary>
/// Feeds one handler from its queue with the queue trigger's semantics: batches of <c>batchSize</c> processed
/// concurrently, the next batch once no more than <c>newBatchThreshold</c> are in flight, back-off while the queue
/// is empty or storage is unreachable, retries after <c>visibilityTimeout</c> and <c>{queue}-poison</c> after
/// <c>maxDequeueCount</c> tries. Each message gets a consumer span, as a Functions invocation does; failures and
/// poison moves are counted.
/// </summary>
internal sealed class QueueListener(IQueueHandler handler, StorageAccount account, QueuePumpOptions options, TimeProvider time, SwitchboardMetrics metrics, ILogger logger)
{
    private readonly QueueClient queue = account.Queue(handler.QueueName);
    private readonly QueueClient poison = account.Queue(QueueNames.PoisonOf(handler.QueueName));
    private readonly List<Task> inFlight = [];

    public string QueueName => queue.Name;

    /// <summary>
    /// Receives until <paramref name="stopping"/> is cancelled, then waits for the messages in flight. Handlers get
    /// <paramref name="abort"/>, which the pump cancels only when the host's shutdown timeout runs out.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var backoff = new PollingBackoff(QueuePumpOptions.MinPollingInterval, options.MaxPollingInterval);
        var queuesExist = false;
        while (!stopping.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > options.EffectiveNewBatchThreshold)
            {
                Task oneFinished = Task.WhenAny(inFlight);
                await oneFinished.WaitAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            queuesExist = queuesExist || await TryCreateQueuesAsync(stopping);
            var messages = queuesExist ? await TryReceiveAsync(stopping) : null;
            if (messages is null)
            {
                queuesExist = false;
            }
            if (messages is not { Length: > 0 })
            {
                await Task.Delay(backoff.Next(), time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            backoff.Reset();
            foreach (var message in messages)
            {
                // Task.Run: a handler that does synchronous work first must not hold up the rest of the batch.
                inFlight.Add(Task.Run(() => ProcessAsync(message, abort), CancellationToken.None));
            }
        }

        inFlight.RemoveAll(t => t.IsCompleted);
        if (inFlight.Count > 0)
        {
            QueuePumpLog.Draining(logger, queue.Name, inFlight.Count);
        }
        await Task.WhenAll(inFlight);
    }

    private async Task<bool> TryCreateQueuesAsync(CancellationToken stopping)
    {
        try
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: stopping);
            await poison.CreateIfNotExistsAsync(cancellationToken: stopping);
            return true;
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            QueuePumpLog.StorageUnavailable(logger, queue.Name, e.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <returns>The batch (maybe empty), or null when storage failed.</returns>
    private async Task<QueueMessage[]?> TryReceiveAsync(CancellationToken stopping)
    {
        try
        {
            var response = await queue.ReceiveMessagesAsync(options.BatchSize, options.ReceiveVisibility, stopping);
            return response.Value;
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            QueuePumpLog.StorageUnavailable(logger, queue.Name, e.Message);
            return null;
        }
        catch (OperationCanceledException)
        {
            return [];
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken abort)
    {
        using var activity = SwitchboardTelemetry.StartQueueMessage(queue.Name, message.MessageId, message.DequeueCount);
        var lease = new MessageLease(queue, message, options.ReceiveVisibility, time, logger);
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                QueuePumpLog.PoisonWithoutRunning(logger, message.MessageId, queue.Name, message.DequeueCount, options.MaxDequeueCount, poison.Name);
                activity?.SetTag(SwitchboardTelemetry.Tags.Outcome, "poisoned");
                await MoveToPoisonAsync(message, lease);
                return;
            }

            Exception? failure = null;
            var abandoned = false;
            lease.StartRenewing();
            try
            {
                await handler.HandleAsync(message.Body.ToString(), abort);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                abandoned = true;
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                await lease.StopRenewingAsync();
            }

            if (failure is not null)
            {
                activity.Failed(failure);
                metrics.QueueHandlerFailed(queue.Name);
            }

            if (abandoned)
            {
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                QueuePumpLog.Released(logger, message.MessageId, queue.Name, message.DequeueCount);
            }
            else if (failure is null)
            {
                await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt);
                QueuePumpLog.Completed(logger, message.MessageId, queue.Name, message.DequeueCount);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                QueuePumpLog.FailedToPoison(logger, failure, message.MessageId, queue.Name, message.DequeueCount, options.MaxDequeueCount, poison.Name);
                activity?.SetTag(SwitchboardTelemetry.Tags.Outcome, "poisoned");
                await MoveToPoisonAsync(message, lease);
            }
            else
            {
                QueuePumpLog.FailedWillRetry(logger, failure, message.MessageId, queue.Name, message.DequeueCount, options.MaxDequeueCount, options.VisibilityTimeout);
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: options.VisibilityTimeout);
            }
        }
        catch (RequestFailedException e) when (e.Status is 400 or 404)
        {
            // The message is gone or its pop receipt is stale (its visibility ran out and someone else took it).
            QueuePumpLog.LeaseLost(logger, message.MessageId, queue.Name, e.Message);
        }
        catch (Exception e)
        {
            // Storage failed while completing: the message reappears when its visibility runs out and is tried again.
            QueuePumpLog.CompletionFailed(logger, e, message.MessageId, queue.Name);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, MessageLease lease)
    {
        try
        {
            await poison.SendMessageAsync(message.Body);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await poison.CreateIfNotExistsAsync();
            await poison.SendMessageAsync(message.Body);
        }
        await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt);
        metrics.MovedToPoison(queue.Name);
    }
}
