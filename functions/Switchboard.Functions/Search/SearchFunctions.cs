using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Search;

namespace Switchboard.Functions.Search;

public sealed class SearchFunctions(SearchConversations searchConversations)
{
    [Function(nameof(SearchConversations))]
    public Task<IResult> SearchConversations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search")] HttpRequest request,
        CancellationToken cancellationToken) =>
        searchConversations.HandleAsync(request, cancellationToken);
}
