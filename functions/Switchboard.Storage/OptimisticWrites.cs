namespace Switchboard.Storage;

/// <summary>Optimistic concurrency on a table row: write it back only if nobody changed it since it was read.</summary>
public static class OptimisticWrites
{
    /// <summary>
    /// Replaces <paramref name="entity"/> if its ETag still matches, and gives it the new ETag. False, writing nothing,
    /// when the row changed meanwhile (412), was deleted (404), or — read as absent — was created by someone else (409).
    /// </summary>
    public static async Task<bool> TryReplaceAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            entity.ETag = response.Headers.ETag ?? entity.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
