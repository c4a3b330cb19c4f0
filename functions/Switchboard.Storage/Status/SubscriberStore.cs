using Switchboard.Core.Status;

namespace Switchboard.Storage.Status;

/// <summary>
/// Table <c>StatusSubscribers</c>: every subscriber in partition <c>s</c>, RowKey = <see cref="StatusSubscriber.IdOf"/>
/// (a hash of the address), so a subscribe is a point read and a fan-out chunk is one page of one range query, resumed
/// by its continuation token. Table <c>StatusDeliveries</c>: PartitionKey = notification event id; RowKey = subscriber
/// id (this subscriber's notice was claimed) or <c>chunk|{n}</c> (chunk n was queued).
/// </summary>
public sealed class SubscriberStore(StorageAccount storage)
{
    public const string Partition = "s";
    private const string ChunkPrefix = "chunk|";

    private TableClient Subscribers => storage.Table(StorageLayout.StatusSubscribersTable);
    private TableClient Deliveries => storage.Table(StorageLayout.StatusDeliveriesTable);

    public async Task<(StatusSubscriber Subscriber, ETag ETag)?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!StatusSubscriber.IsWellFormedId(id))
        {
            return null;
        }
        var row = await Subscribers.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? (Of(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Writes a subscriber: added when <paramref name="etag"/> is null (409 surfaces if it appeared meanwhile), else replaced under it.</summary>
    public async Task SaveAsync(StatusSubscriber subscriber, ETag? etag, CancellationToken cancellationToken = default)
    {
        if (etag is { } tag)
        {
            await Subscribers.UpdateEntityAsync(Row(subscriber), tag, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await Subscribers.AddEntityAsync(Row(subscriber), cancellationToken);
        }
    }

    /// <summary>Adds many subscribers at once, 100 to a transaction (seeding and imports).</summary>
    public async Task AddManyAsync(IEnumerable<StatusSubscriber> subscribers, CancellationToken cancellationToken = default)
    {
        foreach (var batch in subscribers.Chunk(100))
        {
            await Subscribers.SubmitTransactionAsync(batch.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(s))), cancellationToken);
        }
    }

    /// <summary>Removes a subscriber; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!StatusSubscriber.IsWellFormedId(id))
        {
            return false;
        }
        try
        {
            await Subscribers.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>One page of subscribers in id order, and the token of the next page (null after the last).</summary>
    public async Task<(IReadOnlyList<StatusSubscriber> Items, string? Next)> PageAsync(int size, string? continuation, CancellationToken cancellationToken = default)
    {
        await foreach (var page in Subscribers.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, maxPerPage: size, cancellationToken: cancellationToken)
                           .AsPages(continuation, size))
        {
            return (page.Values.Select(Of).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    /// <summary>How many subscribers there are of each kind, confirmed or not: a scan of two columns (agents' list only).</summary>
    public async Task<SubscriberCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        int email = 0, webhook = 0, pending = 0;
        await foreach (var row in Subscribers.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["Kind", "Confirmed"], cancellationToken: cancellationToken))
        {
            if (row.GetBoolean("Confirmed") != true) pending++;
            else if (row.GetString("Kind") == "webhook") webhook++;
            else email++;
        }
        return new SubscriberCounts(email, webhook, pending);
    }

    /// <summary>
    /// Claims the notice of <paramref name="eventId"/> for <paramref name="subscriberId"/>: true for the one caller that
    /// added the marker, false when it was already there (a redelivered chunk).
    /// </summary>
    public Task<bool> TryClaimAsync(string eventId, string subscriberId, CancellationToken cancellationToken = default) =>
        TryAddAsync(new TableEntity(eventId, subscriberId), cancellationToken);

    /// <summary>
    /// The subscribers between <paramref name="firstId"/> and <paramref name="lastId"/> already claimed for the event:
    /// one range query, so a redelivered chunk skips them without trying 200 adds that fail.
    /// </summary>
    public async Task<IReadOnlySet<string>> ClaimedAsync(string eventId, string firstId, string lastId, CancellationToken cancellationToken = default)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {eventId} and RowKey ge {firstId} and RowKey le {lastId}");
        await foreach (var row in Deliveries.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            claimed.Add(row.RowKey);
        }
        return claimed;
    }

    /// <summary>Gives a claim back after a send that may succeed later: the retried chunk sends it then.</summary>
    public async Task ReleaseAsync(string eventId, string subscriberId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Deliveries.DeleteEntityAsync(eventId, subscriberId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Whether chunk <paramref name="chunk"/> of the event was queued already (by an earlier delivery of the chunk before it).</summary>
    public async Task<bool> ChunkQueuedAsync(string eventId, int chunk, CancellationToken cancellationToken = default) =>
        (await Deliveries.GetEntityIfExistsAsync<TableEntity>(eventId, ChunkRow(chunk), select: ["PartitionKey"], cancellationToken: cancellationToken)).HasValue;

    public Task MarkChunkQueuedAsync(string eventId, int chunk, CancellationToken cancellationToken = default) =>
        TryAddAsync(new TableEntity(eventId, ChunkRow(chunk)), cancellationToken);

    private static string ChunkRow(int chunk) => ChunkPrefix + chunk.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> TryAddAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Deliveries.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private static TableEntity Row(StatusSubscriber s) => new(Partition, s.Id)
    {
        ["Kind"] = s.Kind == SubscriberKind.Email ? "email" : "webhook",
        ["Address"] = s.Address,
        ["Components"] = string.Join(',', s.Components),
        ["Confirmed"] = s.Confirmed,
        ["CreatedAt"] = s.CreatedAt,
        ["ConfirmedAt"] = s.ConfirmedAt,
        ["PendingComponents"] = s.PendingComponents is null ? null : string.Join(',', s.PendingComponents),
    };

    private static StatusSubscriber Of(TableEntity e) => new(
        e.RowKey,
        e.GetString("Kind") == "webhook" ? SubscriberKind.Webhook : SubscriberKind.Email,
        e.GetString("Address") ?? "",
        Split(e.GetString("Components")) ?? [],
        e.GetBoolean("Confirmed") == true,
        e.GetDateTimeOffset("CreatedAt") ?? default,
        e.GetDateTimeOffset("ConfirmedAt"),
        Split(e.GetString("PendingComponents")));

    private static IReadOnlyList<string>? Split(string? value) =>
        value is null ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Confirmed email and webhook subscribers, and those who have not confirmed yet.</summary>
public sealed record SubscriberCounts(int Email, int Webhook, int Pending);
