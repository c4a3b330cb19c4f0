using Switchboard.Core.FeatureRequests;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.FeatureRequests;

namespace Switchboard.Handlers.FeatureRequests;

/// <summary>
/// <c>POST /api/conversations/{id}/feature-requests</c> {feature}: this conversation's customer asks for the named
/// feature. Tagging twice counts once; a merged conversation's id tags the one it was merged into.
/// </summary>
public sealed class TagFeatureRequest(ConversationStore conversations, FeatureRequestStore store, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, FeatureRequestBody body, CancellationToken cancellationToken = default)
    {
        if (FeatureNames.Normalize(body.Feature, out var problem) is not var (name, key))
        {
            return Problems.BadRequest(problem!, "feature");
        }
        if (await conversations.GetLiveHeadAsync(id, cancellationToken) is not { } head)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        if (head.CustomerEmail.Length == 0)
        {
            return Problems.BadRequest("This conversation has no customer address, so nobody could be told when the feature ships.", "feature");
        }
        var existing = await store.GetFeatureAsync(key, cancellationToken);
        await store.AddAsync(key, existing?.Name ?? name, new FeatureRequestEntity
        {
            ConversationId = head.PartitionKey,
            Mailbox = head.Mailbox,
            CustomerEmail = head.CustomerEmail,
            CustomerName = head.CustomerName,
            Subject = head.Subject,
            AskedAt = time.GetUtcNow(),
            TaggedBy = agent.Name ?? agent.Email,
        }, cancellationToken);
        return Results.Ok(ConversationFeatureRequests.Of(await store.OfConversationAsync(head.PartitionKey, cancellationToken)));
    }
}

/// <summary><c>DELETE /api/conversations/{id}/feature-requests/{key}</c>: the tag was a mistake.</summary>
public sealed class UntagFeatureRequest(ConversationStore conversations, FeatureRequestStore store)
{
    public async Task<IResult> HandleAsync(string id, string key, CancellationToken cancellationToken = default)
    {
        if (!FeatureNames.IsKey(key))
        {
            return Problems.NotFound($"There is no feature '{key}'.");
        }
        if (await conversations.GetLiveHeadAsync(id, cancellationToken) is not { } head)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        await store.RemoveAsync(key, head.PartitionKey, cancellationToken);
        return Results.Ok(ConversationFeatureRequests.Of(await store.OfConversationAsync(head.PartitionKey, cancellationToken)));
    }
}

/// <summary><c>GET /api/conversations/{id}/feature-requests</c>: the features this conversation asks for.</summary>
public sealed class ListConversationFeatureRequests(ConversationStore conversations, FeatureRequestStore store)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await conversations.GetLiveHeadAsync(id, cancellationToken) is not { } head)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        return Results.Ok(ConversationFeatureRequests.Of(await store.OfConversationAsync(head.PartitionKey, cancellationToken)));
    }
}

/// <summary><c>GET /api/feature-requests</c>: every feature customers asked for, with who asked and how often.</summary>
public sealed class ListFeatureRequests(FeatureRequestStore store)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default) =>
        Results.Ok(new FeatureRequestList([.. (await store.AllAsync(cancellationToken))
            .Select(f => FeatureSummary.Of(f.Feature, f.Requests))
            .OrderBy(f => f.ShippedAt is not null).ThenByDescending(f => f.Customers).ThenByDescending(f => f.Requests)
            .ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase)]));
}
