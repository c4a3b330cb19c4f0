using Switchboard.Core.FeatureRequests;
using Switchboard.Storage.FeatureRequests;

namespace Switchboard.Handlers.FeatureRequests;

/// <summary>The body of <c>POST /api/conversations/{id}/feature-requests</c>: the feature's name as the agent types it.</summary>
public sealed record FeatureRequestBody(string? Feature);

/// <summary>The body of <c>POST /api/feature-requests/{key}/ship</c>: an optional paragraph put into every draft.</summary>
public sealed record ShipFeatureBody(string? Message);

public sealed record FeatureTag(string Key, string Name);

/// <summary>The features a conversation asks for.</summary>
public sealed record ConversationFeatureRequests(IReadOnlyList<FeatureTag> Items)
{
    public static ConversationFeatureRequests Of(IEnumerable<ConversationFeatureEntity> rows) =>
        new([.. rows.Select(r => new FeatureTag(r.RowKey, r.Name)).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)]);
}

/// <param name="Requests">How many conversations of this customer ask for the feature.</param>
/// <param name="DraftId">The announcement drafted for them when the feature shipped.</param>
public sealed record FeatureAsker(string Email, string? Name, int Requests, IReadOnlyList<string> ConversationIds, DateTimeOffset LastAskedAt, string? DraftId);

/// <param name="Requests">Conversations that ask for it; <paramref name="Customers"/>: distinct customers among them.</param>
public sealed record FeatureSummary(
    string Key, string Name, int Requests, int Customers, DateTimeOffset? LastAskedAt, DateTimeOffset? ShippedAt, string? ShippedBy,
    IReadOnlyList<FeatureAsker> Askers)
{
    public static FeatureSummary Of(FeatureEntity feature, IReadOnlyList<FeatureRequestEntity> requests)
    {
        var askers = requests
            .GroupBy(r => r.CustomerEmail.ToLowerInvariant())
            .Select(g => new FeatureAsker(
                g.First().CustomerEmail, g.OrderByDescending(r => r.AskedAt).Select(r => r.CustomerName).FirstOrDefault(n => n is { Length: > 0 }),
                g.Count(), [.. g.OrderBy(r => r.AskedAt).Select(r => r.ConversationId)], g.Max(r => r.AskedAt),
                g.Select(r => r.DraftId).FirstOrDefault(d => d is not null)))
            .OrderByDescending(a => a.Requests).ThenByDescending(a => a.LastAskedAt)
            .ToList();
        return new(feature.PartitionKey[2..], feature.Name, requests.Count, askers.Count,
            requests.Count == 0 ? null : requests.Max(r => r.AskedAt), feature.ShippedAt, feature.ShippedBy, askers);
    }
}

/// <summary>Every requested feature, most asked-for first (unshipped before shipped).</summary>
public sealed record FeatureRequestList(IReadOnlyList<FeatureSummary> Items);

public sealed record ShippedDraft(string DraftId, string ConversationId, string CustomerEmail);

/// <param name="Drafts">Announcements drafted by this call (none for customers drafted before).</param>
public sealed record FeatureShipped(string Key, string Name, DateTimeOffset ShippedAt, IReadOnlyList<ShippedDraft> Drafts);

public static class FeatureRoute
{
    /// <summary>A route's feature key: 404 unless it has the shape of one.</summary>
    public static RouteId Key(string key) => RouteId.Of(key, "feature", FeatureNames.IsKey);
}
