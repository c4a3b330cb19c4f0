using Azure;
using Azure.Data.Tables;
using Switchboard.Storage.Account;

namespace Switchboard.Storage.Customers;

/// <summary>
/// Table <c>Customers</c>: PartitionKey = the escaped, lower-case email address. RowKey "profile" holds name and first
/// and last contact; RowKey "conversation-{id}" lists the conversations they are in (the customer history).
/// </summary>
public sealed class CustomerStore(StorageAccount storage)
{
    public const string ProfileRowKey = "profile";

    private TableClient Table => storage.Table(StorageLayout.CustomersTable);

    /// <summary>Upserts the person by address (a known name is never replaced by an empty one) and links the conversation.</summary>
    public async Task RecordContactAsync(string email, string? name, string conversationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var partition = KeyEncoding.Escape(email.Trim().ToLowerInvariant());
        var existing = await Table.GetEntityIfExistsAsync<CustomerEntity>(partition, ProfileRowKey, cancellationToken: cancellationToken);
        var profile = existing.HasValue && existing.Value is { } known ? known : new CustomerEntity { PartitionKey = partition, Email = email.Trim(), FirstContactAt = at };
        profile.Name = string.IsNullOrWhiteSpace(name) ? profile.Name : name.Trim();
        profile.LastContactAt = profile.LastContactAt is { } last && last > at ? last : at;
        profile.FirstContactAt = profile.FirstContactAt < at ? profile.FirstContactAt : at;
        await Table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, profile),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, "conversation-" + conversationId) { ["LinkedAt"] = at }),
        ], cancellationToken);
    }

    public async Task<CustomerEntity?> GetAsync(string email, CancellationToken cancellationToken = default)
    {
        var profile = await Table.GetEntityIfExistsAsync<CustomerEntity>(KeyEncoding.Escape(email.Trim().ToLowerInvariant()), ProfileRowKey, cancellationToken: cancellationToken);
        return profile.HasValue ? profile.Value : null;
    }
}

public sealed class CustomerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = CustomerStore.ProfileRowKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Email { get; set; } = "";
    public string? Name { get; set; }
    public DateTimeOffset FirstContactAt { get; set; }
    public DateTimeOffset? LastContactAt { get; set; }
}
