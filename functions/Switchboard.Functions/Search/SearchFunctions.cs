using Switchboard.Handlers.Search;

namespace Switchboard.Functions.Search;

public sealed class SearchFunctions(AgentApi api, SearchConversations searchConversations)
{
    [Function(nameof(SearchConversations))]
    [Api("Search", "Conversations containing every word of q (subject, customer address or name, message and note text), newest conversation first. Query: q, limit (1-50, 20), continuationToken.", typeof(SearchResults), Problems = [400, 401])]
    public Task<IResult> SearchConversations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/search")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<SearchQuery>(request, Callers.AnyAgent, (_, query) => searchConversations.HandleAsync(query, cancellationToken), cancellationToken);
}
