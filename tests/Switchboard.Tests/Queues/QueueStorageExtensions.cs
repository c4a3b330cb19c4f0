using Azure;
using Azure.Storage.Queues;
using Switchboard.Core;
using Switchboard.Storage.Account;

namespace Switchboard.Tests.Queues;

internal static class QueueStorageExtensions
{
    /// <summary>Messages in the queue, visible or not (Azurite's count is exact); 0 while the queue does not exist yet.</summary>
    public static async Task<int> CountAsync(this QueueClient queue)
    {
        try
        {
            return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    public static QueueClient Poison(this StorageAccount storage, string queueName) =>
        storage.Queue(QueueNames.PoisonOf(queueName));

    public static async Task<QueueClient> SendAsync(this StorageAccount storage, string queueName, string text)
    {
        var queue = storage.Queue(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(text);
        return queue;
    }
}
