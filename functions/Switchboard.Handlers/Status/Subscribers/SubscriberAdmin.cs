using Switchboard.Core.Status;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Subscribers;

/// <summary>A subscriber as agents see it.</summary>
public sealed record SubscriberView(string Id, SubscriberKind Kind, string Address, IReadOnlyList<string> Components, bool Confirmed,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt)
{
    public static SubscriberView Of(StatusSubscriber s) => new(s.Id, s.Kind, s.Address, s.Components, s.Confirmed, s.CreatedAt, s.ConfirmedAt);
}

/// <summary>One page of subscribers, how many there are, and the token of the next page.</summary>
public sealed record SubscriberList(IReadOnlyList<SubscriberView> Items, SubscriberCounts Counts, string? ContinuationToken);

/// <summary><c>GET /api/status/subscribers</c>: a page of subscribers (<c>limit</c> up to 200, <c>continuationToken</c>) and the counts.</summary>
public sealed class ListSubscribers(SubscriberStore store)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (limit, badLimit) = PagingQuery.Limit(request.Query, 100, 200);
        if (badLimit is not null)
        {
            return badLimit;
        }
        var (position, badToken) = PagingQuery.Continuation(request.Query);
        if (badToken is not null)
        {
            return badToken;
        }
        var (items, next) = await store.PageAsync(limit, position, cancellationToken);
        return Results.Ok(new SubscriberList(items.Select(SubscriberView.Of).ToList(), await store.CountAsync(cancellationToken),
            next is null ? null : PagingQuery.Wrap(next)));
    }
}

/// <summary><c>DELETE /api/status/subscribers/{id}</c>: removes a subscriber (admins); 404 when there is none.</summary>
public sealed class RemoveSubscriber(SubscriberStore store)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default) =>
        await store.RemoveAsync(id, cancellationToken) ? Results.NoContent() : Problems.NotFound($"There is no subscriber '{id}'.");
}
