using System.Text.Json;
using Switchboard.Core;
using Switchboard.Core.Events;

namespace Switchboard.Storage.Events;

/// <summary>Sends domain events to the <c>domain-events</c> queue, and keeps the activity log they end up in.</summary>
public sealed class EventQueue(StorageAccount storage)
{
    public Task PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default) =>
        storage.Queue(QueueNames.DomainEvents).SendMessageAsync(JsonSerializer.Serialize(domainEvent, JsonDefaults.Options), cancellationToken);
}

/// <summary>
/// Table <c>Activity</c>: PartitionKey = the UTC day (yyyy-MM-dd), RowKey = ticks + "-" + event id. One partition per
/// day is what the metrics roll-up and the weekly digest read; the event id makes a redelivered event a no-op.
/// </summary>
public sealed class ActivityLog(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.ActivityTable);

    public Task RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        var at = domainEvent.OccurredAt.ToUniversalTime();
        var entity = new TableEntity(at.ToString("yyyy-MM-dd"), $"{at.UtcTicks:D19}-{domainEvent.Id}")
        {
            ["Type"] = domainEvent.Type,
            ["ConversationId"] = domainEvent.ConversationId,
            ["MessageId"] = domainEvent.MessageId,
            ["Mailbox"] = domainEvent.Mailbox,
            ["CustomerEmail"] = domainEvent.CustomerEmail,
            ["Automatic"] = domainEvent.Automatic,
            ["Flags"] = string.Join(',', domainEvent.Flags),
            ["OccurredAt"] = domainEvent.OccurredAt,
        };
        return Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<TableEntity>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var partition = day.ToString("yyyy-MM-dd");
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }
}
