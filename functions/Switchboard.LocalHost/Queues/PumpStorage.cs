using Azure.Storage.Queues;
using Switchboard.Core;
using Switchboard.Handlers.Telemetry;
using Switchboard.Storage.Account;

namespace Switchboard.LocalHost.Queues;

/// <summary>
/// The pump's own clients for the host's storage account (same connection, names and test hook), with a handler for
/// messages that are not valid base64. Without one the SDK fails the whole receive, so a single such message would
/// block its queue; with it the message moves, as received, to the poison queue, as the Functions host does.
/// </summary>
internal static class PumpStorage
{
    public static StorageAccount Create(IConfiguration configuration, StorageNames names, ClientOptionsHook? hook, SwitchboardMetrics metrics, ILogger logger)
    {
        StorageAccount? account = null;
        account = StorageAccount.FromConfiguration(configuration, names, options =>
        {
            hook?.Invoke(options);
            if (options is QueueClientOptions queueOptions)
            {
                queueOptions.MessageDecodingFailed += async args =>
                {
                    if (args.ReceivedMessage is not { } message)
                    {
                        return; // A peek: nothing to move.
                    }
                    var poison = account!.Queues.GetQueueClient(args.Queue.Name + QueueNames.PoisonSuffix);
                    QueuePumpLog.Undecodable(logger, message.MessageId, args.Queue.Name, message.DequeueCount, poison.Name);
                    try
                    {
                        await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
                        await poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
                        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
                        metrics.MovedToPoison(args.Queue.Name);
                    }
                    catch (Exception e)
                    {
                        QueuePumpLog.CompletionFailed(logger, e, message.MessageId, args.Queue.Name);
                    }
                };
            }
        });
        return account;
    }
}
