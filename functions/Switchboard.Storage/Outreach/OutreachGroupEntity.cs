namespace Switchboard.Storage.Outreach;

/// <summary>
/// Table <c>Outreach</c>, partition <c>customer-{email}</c>, RowKey <c>group</c>: the alerts about one customer that
/// share one outreach conversation and draft, while they keep coming within the group window.
/// </summary>
public sealed class OutreachGroupEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = OutreachStore.GroupRowKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string CustomerEmail { get; set; } = "";
    public string? CustomerName { get; set; }
    public string ConversationId { get; set; } = "";

    /// <summary>The draft's API id once it was written; null while (or if) the first alert is still creating it.</summary>
    public string? DraftId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset FirstAlertAt { get; set; }
    public DateTimeOffset LastAlertAt { get; set; }

    /// <summary>Alerts received in the group, all occurrences counted.</summary>
    public int Count { get; set; }

    /// <summary>JSON list of the distinct alerts (by dedup key): key, summary, link, severity, count, first and last time.</summary>
    public string Alerts { get; set; } = "[]";

    /// <summary>When on-call was paged about this group; null when not (yet).</summary>
    public DateTimeOffset? PagedAt { get; set; }
}
