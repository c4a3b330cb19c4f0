namespace Switchboard.Handlers.Outreach;

/// <summary>
/// The generic alert shape of <c>POST /api/alerts</c> (Sentry's webhook shapes are accepted too; docs/outreach.md).
/// <paramref name="Severity"/>: debug, info, warning, error (default) or critical. <paramref name="DedupKey"/> names
/// the error for this customer (default: its summary).
/// </summary>
public sealed record AlertBody(AlertCustomer? Customer, string? Summary, string? Link, string? Severity, string? DedupKey, DateTimeOffset? OccurredAt);

/// <summary>The affected customer: the address, or an external id sent with an address before.</summary>
public sealed record AlertCustomer(string? Email, string? ExternalId, string? Name);

/// <summary>
/// What became of an alert. <paramref name="Outcome"/>: <c>opened</c> (a new outreach conversation and draft),
/// <c>grouped</c> (added to the customer's open group; <paramref name="Repeat"/> when its dedup key was there already),
/// or <c>suppressed</c> (the storm limit on new drafts was reached: counted, nothing written).
/// </summary>
public sealed record AlertReceived(string Outcome, string? ConversationId, string? DraftId, bool Repeat, int AlertsInGroup, bool Paged, string Source);

/// <summary>The outreach template: <paramref name="Subject"/> and <paramref name="Body"/> with placeholders.</summary>
public sealed record OutreachTemplateBody(string? Subject, string? Body);

/// <param name="UpdatedAt">Null while the built-in default is in use.</param>
public sealed record OutreachTemplateView(string Subject, string Body, IReadOnlyList<string> Placeholders, DateTimeOffset? UpdatedAt, string? UpdatedBy);
