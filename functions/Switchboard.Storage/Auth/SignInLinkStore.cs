namespace Switchboard.Storage.Auth;

/// <summary>
/// Table <c>SignInLinks</c>. PartitionKey <c>link-{SHA-256 of the token, hex}</c> (RowKey empty) is one emailed
/// sign-in or invitation link: only the hash is stored, so a copy of the table signs no one in. PartitionKey
/// <c>throttle-{SHA-256 of the address, hex}</c> (RowKey empty) holds the recent link requests for one address.
/// </summary>
public sealed class SignInLinkStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.SignInLinksTable);

    public async Task AddAsync(SignInLinkEntity link, CancellationToken cancellationToken = default) =>
        await Table.AddEntityAsync(link, cancellationToken);

    public async Task<SignInLinkEntity?> GetAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var link = await Table.GetEntityIfExistsAsync<SignInLinkEntity>(SignInLinkEntity.PartitionOf(tokenHash), "", cancellationToken: cancellationToken);
        return link.HasValue ? link.Value : null;
    }

    /// <summary>Marks the link used if nobody else did since it was read (ETag); false for the loser of two clicks.</summary>
    public async Task<bool> TryConsumeAsync(SignInLinkEntity link, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        link.UsedAt = at;
        try
        {
            await Table.UpdateEntityAsync(link, link.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Counts one request for the address unless <paramref name="limit"/> requests fall within the
    /// <paramref name="window"/> already; returns when the next one is allowed, or null when this one was counted.
    /// </summary>
    public Task<DateTimeOffset?> TryCountRequestAsync(string addressHash, DateTimeOffset now, TimeSpan window, int limit, CancellationToken cancellationToken = default) =>
        RequestThrottle.TryCountAsync(Table, "throttle-" + addressHash, now, window, limit, cancellationToken);
}

public sealed class SignInLinkEntity : ITableEntity
{
    public const string SignIn = "sign-in";
    public const string Invitation = "invitation";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AgentId { get; set; } = "";
    public string Purpose { get; set; } = SignIn;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    public static string PartitionOf(string tokenHash) => "link-" + tokenHash;
}
