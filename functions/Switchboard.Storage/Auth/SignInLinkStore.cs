using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Switchboard.Storage.Account;

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
    public async Task<DateTimeOffset?> TryCountRequestAsync(string addressHash, DateTimeOffset now, TimeSpan window, int limit, CancellationToken cancellationToken = default)
    {
        var partition = "throttle-" + addressHash;
        for (var attempt = 0; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, "", cancellationToken: cancellationToken);
            var row = existing.HasValue && existing.Value is { } found ? found : new TableEntity(partition, "");
            var recent = (row.GetString("Requests") ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => DateTimeOffset.FromUnixTimeSeconds(long.Parse(s, CultureInfo.InvariantCulture)))
                .Where(t => t > now - window)
                .OrderBy(t => t)
                .ToList();
            if (recent.Count >= limit)
            {
                return recent[0] + window;
            }
            recent.Add(now);
            row["Requests"] = string.Join(',', recent.Select(t => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
            try
            {
                if (existing.HasValue)
                {
                    await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(row, cancellationToken);
                }
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another request for the same address counted first: count again on top of it.
            }
        }
    }
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
