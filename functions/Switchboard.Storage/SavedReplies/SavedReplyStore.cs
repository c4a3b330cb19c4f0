namespace Switchboard.Storage.SavedReplies;

/// <summary>
/// Table <c>SavedReplies</c>: PartitionKey = the escaped agent id, RowKey = the reply id. An agent's replies are one
/// partition, and every read or write names the caller's partition, so no agent can reach another's.
/// </summary>
public sealed class SavedReplyStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.SavedRepliesTable);

    public static string NewId() => "r" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));

    public static bool IsWellFormedId(string id) => id.Length == 21 && id[0] == 'r' && id.Skip(1).All(char.IsAsciiHexDigitLower);

    public async Task<IReadOnlyList<SavedReplyEntity>> ListAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var partition = KeyEncoding.Escape(agentId);
        var replies = new List<SavedReplyEntity>();
        await foreach (var reply in Table.QueryAsync<SavedReplyEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            replies.Add(reply);
        }
        return replies;
    }

    public async Task<SavedReplyEntity?> GetAsync(string agentId, string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }
        var reply = await Table.GetEntityIfExistsAsync<SavedReplyEntity>(KeyEncoding.Escape(agentId), id, cancellationToken: cancellationToken);
        return reply.HasValue ? reply.Value : null;
    }

    public async Task AddAsync(string agentId, SavedReplyEntity reply, CancellationToken cancellationToken = default)
    {
        reply.PartitionKey = KeyEncoding.Escape(agentId);
        await Table.AddEntityAsync(reply, cancellationToken);
    }

    /// <summary>Replaces a reply of the agent's; false when they have none with that id.</summary>
    public async Task<bool> TryReplaceAsync(string agentId, SavedReplyEntity reply, CancellationToken cancellationToken = default)
    {
        reply.PartitionKey = KeyEncoding.Escape(agentId);
        try
        {
            await Table.UpdateEntityAsync(reply, ETag.All, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Deletes a reply of the agent's; false when they have none with that id.</summary>
    public async Task<bool> TryDeleteAsync(string agentId, string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return false;
        }
        try
        {
            // The SDK answers a missing entity with its 404 response rather than an exception.
            var response = await Table.DeleteEntityAsync(KeyEncoding.Escape(agentId), id, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}

public sealed class SavedReplyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
