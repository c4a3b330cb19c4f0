using Switchboard.Core.Status;

namespace Switchboard.Storage.Status;

/// <summary>
/// Table <c>StatusPage</c> (see <see cref="StatusRows"/> for the keys): the status page is one partition, read as a few
/// row-key ranges, and every change that touches several rows (an incident update and the components it sets, a
/// maintenance window starting) commits as one entity group transaction guarded by the changed row's ETag.
/// </summary>
public sealed class StatusStore(StorageAccount storage)
{
    /// <summary>A transaction holds at most 100 operations; an incident row and its update leave room for these.</summary>
    public const int MaxComponentsPerChange = 90;

    private TableClient Table => storage.Table(StorageLayout.StatusPageTable);

    /// <summary>A new incident id that sorts newest first: <c>{inverted ticks}-{4 hex}</c>.</summary>
    public static string NewIncidentId(DateTimeOffset createdAt) => KeyEncoding.NewestFirst(createdAt) + "-" + RandomHex(2);

    /// <summary>A new maintenance id that sorts by start: <c>{start ticks}-{4 hex}</c>.</summary>
    public static string NewMaintenanceId(DateTimeOffset startsAt) => startsAt.UtcTicks.ToString("D19") + "-" + RandomHex(2);

    public static string NewComponentId() => "c" + RandomHex(5);

    public static string NewTemplateId() => "t" + RandomHex(5);

    /// <summary>True for the shape every id above has: digits, lower-case hex, '-' only (so never a key character).</summary>
    public static bool IsWellFormedId(string id) =>
        id.Length is > 0 and <= 40 && id.All(c => char.IsAsciiDigit(c) || c is (>= 'a' and <= 'z') or '-');

    public async Task<IReadOnlyList<StatusComponent>> ListComponentsAsync(CancellationToken cancellationToken = default) =>
        (await RangeAsync(StatusRows.ComponentPrefix, StatusRows.End(StatusRows.ComponentPrefix), cancellationToken))
            .Select(StatusRows.Component).OrderBy(c => c.Position).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

    public Task AddComponentAsync(StatusComponent component, CancellationToken cancellationToken = default) =>
        Table.AddEntityAsync(StatusRows.Component(component), cancellationToken);

    public async Task<StatusComponent?> GetComponentAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(StatusRows.Partition, StatusRows.ComponentPrefix + id, cancellationToken: cancellationToken);
        return row.HasValue ? StatusRows.Component(row.Value!) : null;
    }

    /// <summary>Replaces a component's row (an admin's edit: last write wins, as for any settings page).</summary>
    public Task SaveComponentAsync(StatusComponent component, CancellationToken cancellationToken = default) =>
        Table.UpdateEntityAsync(StatusRows.Component(component), ETag.All, TableUpdateMode.Replace, cancellationToken);

    public Task DeleteComponentAsync(string id, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(StatusRows.Partition, StatusRows.ComponentPrefix + id, ETag.All, cancellationToken);

    /// <summary>The incidents opened since <paramref name="since"/>, newest first, each with its timeline.</summary>
    public async Task<IReadOnlyList<Incident>> ListIncidentsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        StatusRows.Incidents(await RangeAsync(StatusRows.IncidentPrefix, StatusRows.IncidentPrefix + KeyEncoding.NewestFirst(since), cancellationToken))
            .Select(x => x.Incident).ToList();

    public async Task<(Incident Incident, ETag ETag)?> GetIncidentAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }
        var header = StatusRows.IncidentPrefix + id;
        var found = StatusRows.Incidents(await RangeAsync(header, header + "}", cancellationToken));
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>
    /// Writes an incident's row, its new update and the component states that update sets, all or nothing. With an
    /// <paramref name="etag"/> the incident must not have changed since it was read (else 412 surfaces).
    /// </summary>
    public async Task SaveIncidentAsync(Incident incident, IncidentUpdate? update, ETag? etag, CancellationToken cancellationToken = default)
    {
        var actions = new List<TableTransactionAction>
        {
            etag is { } tag
                ? new(TableTransactionActionType.UpdateReplace, StatusRows.IncidentHeader(incident), tag)
                : new(TableTransactionActionType.Add, StatusRows.IncidentHeader(incident)),
        };
        if (update is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, StatusRows.Update(incident.Id, update)));
            actions.AddRange(update.Components.Select(c =>
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, StatusRows.ComponentState(c), ETag.All)));
        }
        await Table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>The maintenance windows starting since <paramref name="since"/>, earliest first.</summary>
    public async Task<IReadOnlyList<Maintenance>> ListMaintenancesAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        (await RangeAsync(StatusRows.MaintenancePrefix + since.UtcTicks.ToString("D19"), StatusRows.End(StatusRows.MaintenancePrefix), cancellationToken))
            .Select(StatusRows.Maintenance).ToList();

    public async Task<(Maintenance Maintenance, ETag ETag)?> GetMaintenanceAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }
        // Read by query, as incidents are: Azurite's point read after a batch write can return an ETag its own
        // conditional update then refuses.
        var key = StatusRows.MaintenancePrefix + id;
        var rows = await RangeAsync(key, key + "|", cancellationToken);
        return rows.Count == 1 ? (StatusRows.Maintenance(rows[0]), rows[0].ETag) : null;
    }

    /// <summary>
    /// Moves a window to its next stage: the window's row first, guarded by <paramref name="etag"/> (412 surfaces when
    /// another run moved it), then the component states that stage sets. The row is the claim: whoever moves it applies
    /// the states, which are the same whoever does.
    /// </summary>
    public async Task AdvanceMaintenanceAsync(Maintenance next, IReadOnlyList<ComponentChange> changes, ETag etag, CancellationToken cancellationToken = default)
    {
        await Table.UpdateEntityAsync(StatusRows.Maintenance(next), etag, TableUpdateMode.Replace, cancellationToken);
        await SetComponentStatesAsync(changes, cancellationToken);
    }

    /// <summary>Writes a maintenance window (new without <paramref name="etag"/>) and the component states its stage sets.</summary>
    public async Task SaveMaintenanceAsync(Maintenance maintenance, IReadOnlyList<ComponentChange> changes, ETag? etag, CancellationToken cancellationToken = default)
    {
        if (etag is null && changes.Count == 0)
        {
            await Table.AddEntityAsync(StatusRows.Maintenance(maintenance), cancellationToken);
            return;
        }
        var actions = new List<TableTransactionAction>
        {
            etag is { } tag
                ? new(TableTransactionActionType.UpdateReplace, StatusRows.Maintenance(maintenance), tag)
                : new(TableTransactionActionType.Add, StatusRows.Maintenance(maintenance)),
        };
        actions.AddRange(changes.Select(c => new TableTransactionAction(TableTransactionActionType.UpdateMerge, StatusRows.ComponentState(c), ETag.All)));
        await Table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Sets components' states outside any incident (an uptime check without incidents going down or back).</summary>
    public async Task SetComponentStatesAsync(IReadOnlyList<ComponentChange> changes, CancellationToken cancellationToken = default)
    {
        // One merge each rather than a batch: a window or check names few components, and Azurite was seen to serve
        // a query right after a batch the rows from before it.
        foreach (var change in changes)
        {
            await Table.UpdateEntityAsync(StatusRows.ComponentState(change), ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<IncidentTemplate>> ListTemplatesAsync(CancellationToken cancellationToken = default) =>
        (await RangeAsync(StatusRows.TemplatePrefix, StatusRows.End(StatusRows.TemplatePrefix), cancellationToken))
            .Select(StatusRows.Template).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    public Task AddTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken = default) =>
        Table.AddEntityAsync(StatusRows.Template(template), cancellationToken);

    /// <summary>Replaces an existing template; false when there is none with that id.</summary>
    public async Task<bool> ReplaceTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(template.Id))
        {
            return false;
        }
        try
        {
            await Table.UpdateEntityAsync(StatusRows.Template(template), ETag.All, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Deletes a template; false when there was none.</summary>
    public async Task<bool> DeleteTemplateAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return false;
        }
        var response = await Table.DeleteEntityAsync(StatusRows.Partition, StatusRows.TemplatePrefix + id, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    private async Task<List<TableEntity>> RangeAsync(string fromInclusive, string toExclusive, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StatusRows.Partition} and RowKey ge {fromInclusive} and RowKey lt {toExclusive}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes));
}
