namespace Switchboard.Storage.Team;

/// <summary>
/// Table <c>Agents</c>, one partition <c>team</c> (a help-desk team is small, and one partition lets a role change
/// and the count of admins be checked in one entity group transaction):
/// RowKey <c>agent-{id}</c> is the agent; <c>email-{address}</c> (lower-case, escaped) points to the agent id and keeps
/// addresses unique; <c>roster</c> is rewritten with every change of role or status, so two concurrent changes
/// (two admins demoting each other) conflict on its ETag instead of both succeeding.
/// </summary>
public sealed class AgentStore(StorageAccount storage)
{
    public const string Partition = "team";
    public const string RosterRowKey = "roster";

    private TableClient Table => storage.Table(StorageLayout.AgentsTable);

    public static string AgentRowKey(string id) => "agent-" + id;

    public static string EmailRowKey(string email) => "email-" + KeyEncoding.Escape(Normalize(email));

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public async Task<AgentEntity?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var agent = await Table.GetEntityIfExistsAsync<AgentEntity>(Partition, AgentRowKey(id), cancellationToken: cancellationToken);
        return agent.HasValue ? agent.Value : null;
    }

    public async Task<AgentEntity?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var pointer = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, EmailRowKey(email), cancellationToken: cancellationToken);
        return pointer.HasValue && pointer.Value?.GetString("AgentId") is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    /// <summary>Every agent and the roster's ETag, in one partition query.</summary>
    public async Task<(IReadOnlyList<AgentEntity> Agents, ETag Roster)> ListAsync(CancellationToken cancellationToken = default)
    {
        var agents = new List<AgentEntity>();
        var roster = default(ETag);
        await foreach (var row in Table.QueryAsync<AgentEntity>(
            e => e.PartitionKey == Partition && (e.RowKey == RosterRowKey || (e.RowKey.CompareTo("agent-") >= 0 && e.RowKey.CompareTo("agent.") < 0)),
            cancellationToken: cancellationToken))
        {
            if (row.RowKey == RosterRowKey)
            {
                roster = row.ETag;
            }
            else
            {
                agents.Add(row);
            }
        }
        return (agents, roster);
    }

    /// <summary>Adds the agent and their address in one transaction; false when the address is taken.</summary>
    public async Task<bool> TryAddAsync(AgentEntity agent, CancellationToken cancellationToken = default)
    {
        agent.PartitionKey = Partition;
        agent.RowKey = AgentRowKey(agent.Id);
        var pointer = new TableEntity(Partition, EmailRowKey(agent.Email)) { ["AgentId"] = agent.Id };
        try
        {
            await Table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, pointer),
                new TableTransactionAction(TableTransactionActionType.Add, agent),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Sets (or, with null, clears) the agent's page webhook; a merge of that one property, so it never conflicts with a role change.</summary>
    public async Task<bool> SetPageWebhookAsync(string id, string? url, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.UpdateEntityAsync(new TableEntity(Partition, AgentRowKey(id)) { [nameof(AgentEntity.PageWebhookUrl)] = url ?? "" },
                ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Replaces the agent if it did not change since read (personal preferences; not role or status, which go through the roster).</summary>
    public Task<bool> TryReplaceAsync(AgentEntity agent, CancellationToken cancellationToken = default) =>
        Table.TryReplaceAsync(agent, cancellationToken);

    /// <summary>
    /// Replaces the agent if neither it nor the roster changed since they were read; false when either did
    /// (read again and decide again).
    /// </summary>
    public async Task<bool> TryUpdateAsync(AgentEntity agent, ETag roster, CancellationToken cancellationToken = default)
    {
        var rosterRow = new TableEntity(Partition, RosterRowKey) { ["ChangedAgentId"] = agent.Id };
        try
        {
            await Table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, agent, agent.ETag),
                roster == default
                    ? new TableTransactionAction(TableTransactionActionType.Add, rosterRow)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, rosterRow, roster),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}

public sealed class AgentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = AgentStore.Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = "";
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? InvitedBy { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>Where on-call pages are also posted (Slack/Teams-compatible <c>{"text": …}</c>); null for email only.</summary>
    public string? PageWebhookUrl { get; set; }

    /// <summary>Email me each new conversation (from the mailbox, so I can answer it from my own mail client). Default on.</summary>
    public bool NotifyNewConversations { get; set; } = true;
}
