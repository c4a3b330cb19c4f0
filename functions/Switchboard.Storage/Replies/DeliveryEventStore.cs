using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Storage.Replies;

/// <summary>
/// Table <c>DeliveryEvents</c>: the provider's delivery events applied to our outbound messages.
/// PartitionKey = conversation id, RowKey = message id + "-" + 32 hex of SHA-256(provider event id): "seen already?"
/// is a point read (a redelivered event post changes nothing), and a message's delivery history is a range query.
/// </summary>
public sealed class DeliveryEventStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.DeliveryEventsTable);

    public static string RowKeyFor(string messageRowKey, string eventId) =>
        $"{messageRowKey}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..32]}";

    public async Task<bool> SeenAsync(string conversationId, string messageRowKey, string eventId, CancellationToken cancellationToken = default) =>
        (await Table.GetEntityIfExistsAsync<DeliveryEventEntity>(conversationId, RowKeyFor(messageRowKey, eventId), cancellationToken: cancellationToken)).HasValue;

    public async Task RecordAsync(DeliveryEventEntity entity, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same event from a concurrent post: already recorded.
        }
    }
}

public sealed class DeliveryEventEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EventId { get; set; } = "";
    public string Event { get; set; } = "";
    public string? Detail { get; set; }
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Whether it moved the message's delivery state (a late deferred after delivered does not).</summary>
    public bool Applied { get; set; }
}
