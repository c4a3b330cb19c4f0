namespace Switchboard.Storage.Phone;

/// <summary>
/// Table <c>PhoneContacts</c>. Partition <c>agent-{agentId}</c>: RowKey <c>sms</c> / <c>voice</c> is a contact method
/// (number, verification state), RowKey <c>rules</c> the agent's notification rules (JSON). Partition
/// <c>number-{E.164}</c>, RowKey <c>page</c>: the last page texted to that number, so an SMS reply ("4") finds it.
/// docs/storage.md has the details.
/// </summary>
public sealed class PhoneStore(StorageAccount storage)
{
    public const string RulesRowKey = "rules";
    public const string LastPageRowKey = "page";

    private TableClient Table => storage.Table(StorageLayout.PhoneContactsTable);

    public static string AgentPartition(string agentId) => "agent-" + agentId;

    public static string NumberPartition(string e164) => "number-" + e164;

    public async Task<IReadOnlyList<ContactMethodEntity>> ContactsAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var partition = AgentPartition(agentId);
        var result = new List<ContactMethodEntity>();
        await foreach (var row in Table.QueryAsync<ContactMethodEntity>(e => e.PartitionKey == partition && e.RowKey != RulesRowKey, cancellationToken: cancellationToken))
        {
            result.Add(row);
        }
        return result;
    }

    public async Task<ContactMethodEntity?> GetContactAsync(string agentId, string channel, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<ContactMethodEntity>(AgentPartition(agentId), channel, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Writes the contact if it did not change since read (a new one: if there still is none); false otherwise.</summary>
    public async Task<bool> TrySaveContactAsync(ContactMethodEntity contact, CancellationToken cancellationToken = default)
    {
        try
        {
            if (contact.ETag == default)
            {
                await Table.AddEntityAsync(contact, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(contact, contact.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task DeleteContactAsync(string agentId, string channel, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(AgentPartition(agentId), channel, ETag.All, cancellationToken);

    public async Task<string?> GetRulesAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(AgentPartition(agentId), RulesRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Rules") : null;
    }

    public async Task SetRulesAsync(string agentId, string rulesJson, CancellationToken cancellationToken = default) =>
        await Table.UpsertEntityAsync(new TableEntity(AgentPartition(agentId), RulesRowKey) { ["Rules"] = rulesJson }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Remembers the page last texted to <paramref name="e164"/>: a reply from that number acts on it.</summary>
    public async Task SetLastPageAsync(string e164, string pageId, string agentId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await Table.UpsertEntityAsync(new TableEntity(NumberPartition(e164), LastPageRowKey) { ["PageId"] = pageId, ["AgentId"] = agentId, ["SentAt"] = at },
            TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> GetLastPageAsync(string e164, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(NumberPartition(e164), LastPageRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("PageId") : null;
    }
}

/// <summary>One way to reach an agent by phone. The number is in E.164; a verification code is kept only as its hash.</summary>
public sealed class ContactMethodEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Number { get; set; } = "";
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>HMAC of the pending code (bound to agent, channel and number); null when none is pending.</summary>
    public string? CodeHash { get; set; }
    public DateTimeOffset? CodeExpiresAt { get; set; }
    public int CodeAttempts { get; set; }

    /// <summary>Codes sent since <see cref="CodeWindowStart"/> (the rate limit's window).</summary>
    public int CodesSent { get; set; }
    public DateTimeOffset? CodeWindowStart { get; set; }
}
