namespace Switchboard.Storage.Phone;

/// <summary>
/// Table <c>Pages</c>, partition <c>notify-{pageId}</c>: one row per notification-rule step of a page (RowKey = the
/// step's index, <c>D2</c>), claimed insert-only before it is sent, so a redelivered step message texts or calls nobody
/// twice; RowKey <c>stop</c> when the person pressed 6 (escalate now): no further step of that page goes out.
/// </summary>
public sealed class PageNotificationStore(StorageAccount storage)
{
    public const string StopRowKey = "stop";

    private TableClient Table => storage.Table(StorageLayout.PagesTable);

    public static string Partition(string pageId) => "notify-" + pageId;

    /// <summary>True when this call claimed the step; false when it was claimed before.</summary>
    public async Task<bool> TryClaimAsync(string pageId, int index, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition(pageId), index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)) { ["ClaimedAt"] = at }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task RecordAsync(string pageId, int index, string outcome, CancellationToken cancellationToken = default) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition(pageId), index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)) { ["Outcome"] = outcome },
            TableUpdateMode.Merge, cancellationToken);

    public async Task StopAsync(string pageId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition(pageId), StopRowKey) { ["Reason"] = reason, ["At"] = at }, TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> IsStoppedAsync(string pageId, CancellationToken cancellationToken = default) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(Partition(pageId), StopRowKey, select: ["PartitionKey"], cancellationToken: cancellationToken)).HasValue;
}
