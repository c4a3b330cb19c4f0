using System.Globalization;

namespace Switchboard.Storage.Outreach;

/// <summary>
/// Table <c>Outreach</c> (docs/storage.md): the team's template (<c>template</c>/<c>template</c>), one alert group per
/// customer (<c>customer-{email}</c>/<c>group</c>), external ids seen with an address (<c>external-{id}</c>/<c>customer</c>)
/// and the storm counters (<c>limits</c>/<c>{kind}-{window start}</c>). Every look-up is a point read; groups and
/// counters change only under their ETag.
/// </summary>
public sealed class OutreachStore(StorageAccount storage)
{
    public const string TemplatePartition = "template";
    public const string GroupRowKey = "group";
    public const string LimitsPartition = "limits";

    private TableClient Table => storage.Table(StorageLayout.OutreachTable);

    public static string CustomerPartition(string email) => "customer-" + KeyEncoding.Escape(email.Trim().ToLowerInvariant());

    public static string ExternalPartition(string externalId) => "external-" + KeyEncoding.Escape(externalId.Trim());

    public async Task<TableEntity?> GetTemplateAsync(CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(TemplatePartition, TemplatePartition, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    public Task SaveTemplateAsync(string subject, string body, string updatedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(TemplatePartition, TemplatePartition)
        {
            ["Subject"] = subject,
            ["Body"] = body,
            ["UpdatedBy"] = updatedBy,
            ["UpdatedAt"] = at,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<OutreachGroupEntity?> GetGroupAsync(string email, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<OutreachGroupEntity>(CustomerPartition(email), GroupRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// Writes the group: inserted when it has no ETag (false if another alert inserted one first), else replaced if
    /// unchanged since read (false if it changed). The caller reads again and re-applies on false.
    /// </summary>
    public async Task<bool> TrySaveGroupAsync(OutreachGroupEntity group, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = group.ETag == default
                ? await Table.AddEntityAsync(group, cancellationToken)
                : await Table.UpdateEntityAsync(group, group.ETag, TableUpdateMode.Replace, cancellationToken);
            group.ETag = response.Headers.ETag ?? group.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    public Task RememberExternalIdAsync(string externalId, string email, string? name, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(ExternalPartition(externalId), "customer") { ["Email"] = email, ["Name"] = name },
            TableUpdateMode.Merge, cancellationToken);

    public async Task<(string Email, string? Name)?> FindExternalIdAsync(string externalId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(ExternalPartition(externalId), "customer", cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Email") is { Length: > 0 } email ? (email, row.Value.GetString("Name")) : null;
    }

    /// <summary>
    /// Takes one of <paramref name="max"/> uses of <paramref name="kind"/> (<c>drafts</c>, <c>pages</c>) in the window
    /// starting at <paramref name="windowStart"/>; false when they are used up. Concurrent takers retry on the ETag,
    /// so the bound holds across hosts.
    /// </summary>
    public async Task<bool> TryTakeAsync(string kind, DateTimeOffset windowStart, int max, CancellationToken cancellationToken = default)
    {
        var rowKey = $"{kind}-{windowStart.UtcDateTime.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture)}";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(LimitsPartition, rowKey, cancellationToken: cancellationToken);
            var count = row.HasValue ? row.Value!.GetInt32("Count") ?? 0 : 0;
            if (count >= max)
            {
                return false;
            }
            try
            {
                var entity = new TableEntity(LimitsPartition, rowKey) { ["Count"] = count + 1, ["WindowStart"] = windowStart };
                if (row.HasValue)
                {
                    await Table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(entity, cancellationToken);
                }
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another alert took one meanwhile: count again.
            }
        }
        return false;
    }
}
