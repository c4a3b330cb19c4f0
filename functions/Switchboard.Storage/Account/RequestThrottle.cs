using System.Globalization;

namespace Switchboard.Storage.Account;

/// <summary>
/// A sliding-window request counter kept in one table row (property <c>Requests</c>: the Unix seconds of the recent
/// requests), ETag-guarded so concurrent requests all count. Used by sign-in links and the public KB endpoints.
/// </summary>
public static class RequestThrottle
{
    /// <summary>
    /// Counts one request in row (<paramref name="partition"/>, <c>""</c>) unless <paramref name="limit"/> requests fall
    /// within the <paramref name="window"/> already; returns when the next one is allowed, or null when this one was counted.
    /// </summary>
    public static async Task<DateTimeOffset?> TryCountAsync(
        TableClient table, string partition, DateTimeOffset now, TimeSpan window, int limit, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, "", cancellationToken: cancellationToken);
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
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken);
                }
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another request from the same caller counted first: count again on top of it.
            }
        }
    }
}
