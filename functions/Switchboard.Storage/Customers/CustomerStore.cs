namespace Switchboard.Storage.Customers;

/// <summary>
/// Table <c>Customers</c>: PartitionKey = the escaped, lower-case email address. RowKey "profile" holds name and first
/// and last contact; RowKey "notes" the team's notes (a row of its own, so mail arriving never overwrites an edit);
/// RowKey "conversation-{id}" lists the conversations they are in. The customer view is one partition query.
/// </summary>
public sealed class CustomerStore(StorageAccount storage)
{
    public const string ProfileRowKey = "profile";
    public const string NotesRowKey = "notes";
    private const string ConversationPrefix = "conversation-";

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

    /// <summary>Replaces the link to a conversation that was merged by one to the conversation it was merged into.</summary>
    public async Task RelinkConversationAsync(string email, string fromConversationId, string toConversationId, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        var partition = KeyEncoding.Escape(email.Trim().ToLowerInvariant());
        await Table.UpsertEntityAsync(new TableEntity(partition, ConversationPrefix + toConversationId) { ["LinkedAt"] = at }, TableUpdateMode.Merge, cancellationToken);
        // A missing row is answered 404 without an exception: the relink may run twice.
        await Table.DeleteEntityAsync(partition, ConversationPrefix + fromConversationId, ETag.All, cancellationToken);
    }

    /// <summary>
    /// Moves last contact to <paramref name="at"/> with one merge, without reading the profile first; a profile that is
    /// missing (a customer from before profiles were kept) is created as <see cref="RecordContactAsync"/> would.
    /// </summary>
    public async Task TouchAsync(string email, string conversationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var partition = KeyEncoding.Escape(email.Trim().ToLowerInvariant());
        try
        {
            await Table.UpdateEntityAsync(new TableEntity(partition, ProfileRowKey) { [nameof(CustomerEntity.LastContactAt)] = at },
                ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await RecordContactAsync(email, null, conversationId, at, cancellationToken);
        }
    }

    /// <summary>The profile, the notes and the conversation ids, in one partition query; null when nobody has that address.</summary>
    public async Task<CustomerRecord?> GetRecordAsync(string email, CancellationToken cancellationToken = default)
    {
        var partition = KeyEncoding.Escape(email.Trim().ToLowerInvariant());
        CustomerEntity? profile = null;
        CustomerNotesEntity? notes = null;
        var conversations = new List<(string Id, DateTimeOffset LinkedAt)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (row.RowKey == ProfileRowKey)
            {
                profile = new CustomerEntity
                {
                    PartitionKey = partition,
                    Email = row.GetString(nameof(CustomerEntity.Email)) ?? email,
                    Name = row.GetString(nameof(CustomerEntity.Name)),
                    FirstContactAt = row.GetDateTimeOffset(nameof(CustomerEntity.FirstContactAt)) ?? default,
                    LastContactAt = row.GetDateTimeOffset(nameof(CustomerEntity.LastContactAt)),
                };
            }
            else if (row.RowKey == NotesRowKey)
            {
                notes = new CustomerNotesEntity
                {
                    PartitionKey = partition,
                    Text = row.GetString(nameof(CustomerNotesEntity.Text)) ?? "",
                    UpdatedAt = row.GetDateTimeOffset(nameof(CustomerNotesEntity.UpdatedAt)) ?? default,
                    UpdatedBy = row.GetString(nameof(CustomerNotesEntity.UpdatedBy)) ?? "",
                    UpdatedByName = row.GetString(nameof(CustomerNotesEntity.UpdatedByName)),
                };
            }
            else if (row.RowKey.StartsWith(ConversationPrefix, StringComparison.Ordinal))
            {
                conversations.Add((row.RowKey[ConversationPrefix.Length..], row.GetDateTimeOffset("LinkedAt") ?? default));
            }
        }
        return profile is null ? null : new CustomerRecord(profile, notes, conversations);
    }

    /// <summary>Replaces the notes (last writer wins); false when there is no such customer.</summary>
    public async Task<CustomerNotesEntity?> SetNotesAsync(string email, string text, string agentId, string? agentName, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        if (await GetAsync(email, cancellationToken) is not { } profile)
        {
            return null;
        }
        var notes = new CustomerNotesEntity { PartitionKey = profile.PartitionKey, Text = text, UpdatedAt = at, UpdatedBy = agentId, UpdatedByName = agentName };
        await Table.UpsertEntityAsync(notes, TableUpdateMode.Replace, cancellationToken);
        return notes;
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

public sealed class CustomerNotesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = CustomerStore.NotesRowKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Text { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public string? UpdatedByName { get; set; }
}

/// <summary>Everything kept about one customer: the profile, the team's notes (null until written), their conversations.</summary>
public sealed record CustomerRecord(CustomerEntity Profile, CustomerNotesEntity? Notes, IReadOnlyList<(string Id, DateTimeOffset LinkedAt)> Conversations);
