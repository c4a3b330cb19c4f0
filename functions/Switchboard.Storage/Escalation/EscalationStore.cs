namespace Switchboard.Storage.Escalation;

/// <summary>
/// Table <c>Escalations</c>. Per conversation (PartitionKey = conversation id): the state row (<c>state</c>) and one
/// claim row per page (<c>page-{step}</c>, inserted before the page is sent, so a redelivered check cannot page twice).
/// Partition <c>due</c>: one row per pending check, RowKey = due ticks (19 digits) + "-" + conversation + "-" + step,
/// so the sweep finds every overdue check with one range query. docs/storage.md has the details.
/// </summary>
public sealed class EscalationStore(StorageAccount storage)
{
    public const string StateRowKey = "state";
    public const string DuePartition = "due";

    private TableClient Table => storage.Table(StorageLayout.EscalationsTable);

    public static string DueRowKey(string conversationId, int step, DateTimeOffset due) => $"{due.UtcTicks:D19}-{conversationId}-{step:D3}";

    public static string ClaimRowKey(int step) => $"page-{step:D3}";

    /// <summary>False when the conversation already has an escalation (a redelivered event).</summary>
    public async Task<bool> TryStartAsync(EscalationEntity state, CancellationToken cancellationToken = default)
    {
        state.RowKey = StateRowKey;
        try
        {
            await Table.AddEntityAsync(state, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<EscalationEntity?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<EscalationEntity>(conversationId, StateRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Replaces the state if nobody changed it since it was read; false otherwise.</summary>
    public Task<bool> TryReplaceAsync(EscalationEntity state, CancellationToken cancellationToken = default) =>
        Table.TryReplaceAsync(state, cancellationToken);

    public Task PutDueAsync(string conversationId, int step, DateTimeOffset due, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(DuePartition, DueRowKey(conversationId, step, due))
        {
            ["ConversationId"] = conversationId,
            ["Step"] = step,
            ["DueAt"] = due,
        }, TableUpdateMode.Replace, cancellationToken);

    public Task DeleteDueAsync(string rowKey, CancellationToken cancellationToken = default) =>
        Table.DeleteEntityAsync(DuePartition, rowKey, ETag.All, cancellationToken);

    /// <summary>Checks due at or before <paramref name="until"/>, oldest first: one range query of the <c>due</c> partition.</summary>
    public async Task<IReadOnlyList<DueCheck>> DueAsync(DateTimeOffset until, int max = 500, CancellationToken cancellationToken = default)
    {
        var upper = $"{until.UtcTicks + 1:D19}";
        var result = new List<DueCheck>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == DuePartition && e.RowKey.CompareTo(upper) < 0, cancellationToken: cancellationToken))
        {
            result.Add(new DueCheck(row.GetString("ConversationId"), row.GetInt32("Step") ?? 0, row.GetDateTimeOffset("DueAt") ?? default, row.RowKey));
            if (result.Count >= max)
            {
                break;
            }
        }
        return result;
    }

    /// <summary>
    /// Claims the page of <paramref name="step"/> before it is sent (insert-only). A claim that was never marked sent
    /// and is older than <paramref name="abandonedAfter"/> (its sender crashed) is taken over, so a page is late rather
    /// than lost. A takeover keeps the claim's <c>FirstClaimedAt</c>, from which the page id is derived: if the sender
    /// died after sending but before <see cref="MarkSentAsync"/>, the page goes out again as the same page.
    /// </summary>
    public async Task<PageClaim> TryClaimAsync(string conversationId, int step, DateTimeOffset now, TimeSpan abandonedAfter, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(ClaimRow(conversationId, step, now, now), cancellationToken);
            return new PageClaim(ClaimOutcome.Claimed, now);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(conversationId, ClaimRowKey(step), cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            return new PageClaim(ClaimOutcome.Taken, null);
        }
        if (existing.Value!.GetDateTimeOffset("SentAt") is not null)
        {
            return new PageClaim(ClaimOutcome.AlreadySent, null);
        }
        if (existing.Value.GetDateTimeOffset("ClaimedAt") is not { } claimedAt || claimedAt > now - abandonedAfter)
        {
            return new PageClaim(ClaimOutcome.Taken, null);
        }
        // Claims written before FirstClaimedAt existed were never taken over, so their ClaimedAt is the first.
        var first = existing.Value.GetDateTimeOffset("FirstClaimedAt") ?? claimedAt;
        try
        {
            await Table.UpdateEntityAsync(ClaimRow(conversationId, step, now, first), existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return new PageClaim(ClaimOutcome.Claimed, first);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return new PageClaim(ClaimOutcome.Taken, null);
        }
    }

    private static TableEntity ClaimRow(string conversationId, int step, DateTimeOffset claimedAt, DateTimeOffset firstClaimedAt) =>
        new(conversationId, ClaimRowKey(step)) { ["ClaimedAt"] = claimedAt, ["FirstClaimedAt"] = firstClaimedAt };

    /// <summary>
    /// Row <c>sweep</c>/<c>lease</c>: one sweep at a time (scaled-out hosts, or a late run overlapping the next), so
    /// that the checks one sweep finds are bundled by it alone. Null when another sweep holds an unexpired lease.
    /// </summary>
    public async Task<ETag?> TryLeaseSweepAsync(DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var lease = new TableEntity("sweep", "lease") { ["LeasedUntil"] = now + duration };
        try
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>("sweep", "lease", cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                return (await Table.AddEntityAsync(lease, cancellationToken)).Headers.ETag;
            }
            if (existing.Value!.GetDateTimeOffset("LeasedUntil") > now)
            {
                return null;
            }
            return (await Table.UpdateEntityAsync(lease, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            // Another sweep took the lease, or released (deleted) it between our read and write: it ran just now.
            return null;
        }
    }

    public async Task ReleaseSweepAsync(ETag lease, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.DeleteEntityAsync("sweep", "lease", lease, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }

    public Task MarkSentAsync(string conversationId, int step, DateTimeOffset sentAt, string pageIds, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(conversationId, ClaimRowKey(step)) { ["SentAt"] = sentAt, ["PageIds"] = pageIds },
            TableUpdateMode.Merge, cancellationToken);
}

/// <summary>
/// <see cref="Claimed"/>: send the page. <see cref="AlreadySent"/>: it went out, only the state was not moved on.
/// <see cref="Taken"/>: another runner is sending it now.
/// </summary>
public enum ClaimOutcome
{
    Claimed,
    AlreadySent,
    Taken,
}

/// <summary>The outcome of <see cref="EscalationStore.TryClaimAsync"/>; <see cref="FirstClaimedAt"/> when <see cref="ClaimOutcome.Claimed"/>: when this page was first claimed, kept by a takeover.</summary>
public sealed record PageClaim(ClaimOutcome Outcome, DateTimeOffset? FirstClaimedAt);

/// <summary>A pending check found by the sweep.</summary>
public sealed record DueCheck(string ConversationId, int Step, DateTimeOffset DueAt, string RowKey);

/// <summary>The escalation of one conversation: PartitionKey = conversation id, RowKey <c>state</c>.</summary>
public sealed class EscalationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = EscalationStore.StateRowKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Mailbox { get; set; } = "";
    public string Subject { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }

    /// <summary><see cref="EscalationStates"/>.</summary>
    public string State { get; set; } = EscalationStates.Active;

    /// <summary>The next page to send (0-based over levels × passes) and when it is due.</summary>
    public int Step { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string DueRowKey { get; set; } = "";

    /// <summary>Comma-separated agents paged so far (told when the conversation is resolved).</summary>
    public string PagedAgents { get; set; } = "";

    public DateTimeOffset? StoppedAt { get; set; }
    public string? StopReason { get; set; }
    public string? AcknowledgedBy { get; set; }
}

public static class EscalationStates
{
    public const string Active = "active";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string Finished = "finished";
}
