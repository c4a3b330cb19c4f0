using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.LocalHost.Queues;
using Switchboard.Storage.Account;

namespace Switchboard.Benchmarks.Operations;

/// <summary>
/// Plays the queue trigger for every queue the app has, one message at a time, on clients of its own (so its receives
/// and deletes are not in the app's tally): what an operation queued is handled before the next is measured. Messages
/// still hidden (an escalation check before its deadline) stay where they are.
/// </summary>
internal sealed class QueueWork
{
    private readonly List<(string Name, QueueClient Queue, IQueueHandler Handler)> queues;

    public QueueWork(WebApplication app, string connectionString)
    {
        var names = app.Services.GetRequiredService<StorageAccount>().Names;
        var service = new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        queues = [.. app.Services.GetServices<IQueueHandler>().Select(h => (h.QueueName, service.GetQueueClient(names.Queue(h.QueueName)), h))];
    }

    /// <summary>Handles and deletes every visible message until all queues are empty; the queue names handled, one per message.</summary>
    public async Task<List<string>> DrainAsync(Func<string, bool>? skip = null)
    {
        var handled = new List<string>();
        bool any;
        do
        {
            any = false;
            foreach (var (name, queue, handler) in queues.Where(q => skip?.Invoke(q.Name) != true))
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(5))).Value)
                {
                    await handler.HandleAsync(message.Body.ToString());
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    handled.Add(name);
                    any = true;
                }
            }
        }
        while (any);
        return handled;
    }

    /// <summary>Handles one visible message of <paramref name="queueName"/>; false when there was none.</summary>
    public async Task<bool> HandleOneAsync(string queueName)
    {
        var (_, queue, handler) = queues.Single(q => q.Name == queueName);
        if ((await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value is not [var message])
        {
            return false;
        }
        await handler.HandleAsync(message.Body.ToString());
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return true;
    }
}
