namespace Switchboard.Storage.OnCall;

/// <summary>
/// The calendar feed tokens in table <c>OnCallSchedules</c>: one per schedule and one per agent, stored only as their
/// SHA-256 (a token row found by a point read) with an owner row naming the subject's current token, so issuing a new
/// one revokes the old.
/// </summary>
public sealed class CalendarTokenStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageLayout.OnCallSchedulesTable);

    /// <summary>
    /// Makes <paramref name="tokenHash"/> the one feed token of the schedule or agent: the token row is written, the
    /// owner row pointed at it, and the previous token's row deleted, which revokes it.
    /// </summary>
    public async Task IssueAsync(CalendarFeedKind kind, string subject, string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var ownerKey = ScheduleKeys.TokenOwnerRowKey(kind.ToWire(), subject);
        var previous = await Table.GetEntityIfExistsAsync<CalendarTokenOwnerEntity>(ScheduleKeys.TokenOwnersPartition, ownerKey, cancellationToken: cancellationToken);
        await Table.UpsertEntityAsync(new CalendarTokenEntity { RowKey = tokenHash, Kind = kind.ToWire(), Subject = subject, CreatedAt = now }, TableUpdateMode.Replace, cancellationToken);
        await Table.UpsertEntityAsync(new CalendarTokenOwnerEntity { RowKey = ownerKey, TokenHash = tokenHash }, TableUpdateMode.Replace, cancellationToken);
        if (previous.HasValue && previous.Value!.TokenHash != tokenHash)
        {
            await DeleteIfExistsAsync(ScheduleKeys.TokensPartition, previous.Value.TokenHash, cancellationToken);
        }
    }

    /// <summary>Revokes the schedule's or agent's feed token; false when it had none.</summary>
    public async Task<bool> RevokeAsync(CalendarFeedKind kind, string subject, CancellationToken cancellationToken = default)
    {
        var ownerKey = ScheduleKeys.TokenOwnerRowKey(kind.ToWire(), subject);
        var owner = await Table.GetEntityIfExistsAsync<CalendarTokenOwnerEntity>(ScheduleKeys.TokenOwnersPartition, ownerKey, cancellationToken: cancellationToken);
        if (!owner.HasValue)
        {
            return false;
        }
        await DeleteIfExistsAsync(ScheduleKeys.TokensPartition, owner.Value!.TokenHash, cancellationToken);
        return await DeleteIfExistsAsync(ScheduleKeys.TokenOwnersPartition, ownerKey, cancellationToken);
    }

    /// <summary>A point read by the token's hash; null for an unknown or revoked token.</summary>
    public async Task<(CalendarFeedKind Kind, string Subject)?> FindAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<CalendarTokenEntity>(ScheduleKeys.TokensPartition, tokenHash, cancellationToken: cancellationToken);
        return row.HasValue && CalendarFeedKinds.TryParse(row.Value!.Kind, out var kind) ? (kind, row.Value.Subject) : null;
    }

    private async Task<bool> DeleteIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        // The SDK answers a delete of a missing entity with its 404 response rather than an exception.
        var response = await Table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        return response.Status != 404;
    }
}

public enum CalendarFeedKind
{
    Schedule,
    Agent,
}

public static class CalendarFeedKinds
{
    public static string ToWire(this CalendarFeedKind kind) => kind == CalendarFeedKind.Schedule ? "schedule" : "agent";

    public static bool TryParse(string value, out CalendarFeedKind kind)
    {
        kind = value == "agent" ? CalendarFeedKind.Agent : CalendarFeedKind.Schedule;
        return value is "agent" or "schedule";
    }
}
