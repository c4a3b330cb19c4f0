namespace Switchboard.Storage.Auth;

/// <summary>
/// Table <c>Sessions</c>: PartitionKey = agent id, RowKey = session id. Every cookie-authenticated request reads its
/// row (a point read), so deleting it signs the browser out; disabling an agent deletes their whole partition.
/// </summary>
public sealed class SessionStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.SessionsTable);

    public async Task<SessionEntity?> GetAsync(string agentId, string sessionId, CancellationToken cancellationToken = default)
    {
        var session = await Table.GetEntityIfExistsAsync<SessionEntity>(agentId, sessionId, cancellationToken: cancellationToken);
        return session.HasValue ? session.Value : null;
    }

    /// <summary>Adds the session and drops the agent's expired ones, so a partition never grows without bound.</summary>
    public async Task AddAsync(SessionEntity session, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await Table.AddEntityAsync(session, cancellationToken);
        await foreach (var expired in Table.QueryAsync<SessionEntity>(
            e => e.PartitionKey == session.PartitionKey && e.ExpiresAt < now, cancellationToken: cancellationToken))
        {
            await Table.DeleteEntityAsync(expired.PartitionKey, expired.RowKey, ETag.All, cancellationToken);
        }
    }

    public async Task DeleteAsync(string agentId, string sessionId, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(agentId, sessionId, ETag.All, cancellationToken);

    public async Task DeleteAllAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await foreach (var session in Table.QueryAsync<SessionEntity>(e => e.PartitionKey == agentId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await Table.DeleteEntityAsync(session.PartitionKey, session.RowKey, ETag.All, cancellationToken);
        }
    }
}

public sealed class SessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
