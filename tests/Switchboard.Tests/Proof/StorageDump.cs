using System.Text;
using Switchboard.Core;
using Switchboard.Storage.Account;
using Switchboard.Storage.Threading;

namespace Switchboard.Tests.Proof;

/// <summary>What a failed fault proof left behind, for its failure message: thread keys, conversation heads, poison queue.</summary>
public static class StorageDump
{
    public static async Task<string> DescribeAsync(StorageAccount storage)
    {
        var text = new StringBuilder();
        text.AppendLine("Thread keys:");
        await foreach (var key in storage.Table(StorageLayout.ThreadKeysTable).QueryAsync<ThreadKeyEntity>())
        {
            text.AppendLine($"  {key.Value} -> {key.ConversationId} ({key.Role}, {key.UpdatedAt:HH:mm:ss.fff}{(key.PreviousConversationId is { } p ? ", was " + p : "")})");
        }
        text.AppendLine("Conversation heads:");
        await foreach (var head in storage.Table(StorageLayout.ConversationsTable).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == Switchboard.Storage.Conversations.ConversationEntity.HeadRowKey))
        {
            text.AppendLine($"  {head.PartitionKey} {string.Join(", ", head.Where(p => p.Key is "MessageCount" or "MergedInto" or "Status").Select(p => $"{p.Key}={p.Value}"))}");
        }
        var poison = storage.Queue(QueueNames.PoisonOf(QueueNames.InboundEmail));
        var peeked = await poison.PeekMessagesAsync(32);
        text.AppendLine($"inbound-email poison queue: {peeked.Value.Length} message(s)");
        return text.ToString();
    }
}
