using System.Text.Json;
using Switchboard.Core.Escalation;
using Switchboard.Storage.OnCall;

namespace Switchboard.Storage.Escalation;

/// <summary>
/// Table <c>EscalationPolicies</c>: one row per mailbox (PartitionKey <c>policies</c>, RowKey the escaped lower-case
/// address), the policy as JSON in <see cref="OnCallJson"/> form. Reading a mailbox's policy is a point read.
/// </summary>
public sealed class EscalationPolicyStore(StorageAccount storage)
{
    public const string Partition = "policies";

    private TableClient Table => storage.Table(StorageLayout.EscalationPoliciesTable);

    public static string RowKey(string mailbox) => KeyEncoding.Escape(mailbox.Trim().ToLowerInvariant());

    public async Task<StoredPolicy?> GetAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(mailbox), cancellationToken: cancellationToken);
        return row.HasValue ? ToStored(row.Value!) : null;
    }

    public async Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<StoredPolicy>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            result.Add(ToStored(row));
        }
        return result;
    }

    /// <summary>Adds the policy if the mailbox has none (null when it has), or replaces it if <paramref name="ifMatch"/> still matches (null when not).</summary>
    public async Task<ETag?> SaveAsync(EscalationPolicy policy, ETag? ifMatch, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, RowKey(policy.Mailbox))
        {
            ["Mailbox"] = policy.Mailbox,
            ["Policy"] = JsonSerializer.Serialize(policy, OnCallJson.Options),
            ["UpdatedAt"] = now,
        };
        try
        {
            var response = ifMatch is { } etag
                ? await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken)
                : await Table.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    private static StoredPolicy ToStored(TableEntity row) => new(
        JsonSerializer.Deserialize<EscalationPolicy>(row.GetString("Policy"), OnCallJson.Options)!,
        row.ETag, row.GetDateTimeOffset("UpdatedAt") ?? default);
}

public sealed record StoredPolicy(EscalationPolicy Policy, ETag ETag, DateTimeOffset UpdatedAt);
