using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.FeatureRequests;

namespace Switchboard.Functions.FeatureRequests;

public sealed class FeatureRequestFunctions(
    AgentApi api,
    TagFeatureRequest tag,
    UntagFeatureRequest untag,
    ListConversationFeatureRequests ofConversation,
    ListFeatureRequests list,
    ShipFeature ship)
{
    [Function(nameof(TagFeatureRequest))]
    [Api("Feature requests", "Records that this conversation's customer asks for a named feature (tagging twice counts once); answers the conversation's feature requests.", typeof(ConversationFeatureRequests), Body = typeof(FeatureRequestBody), Problems = [400, 401, 404])]
    public Task<IResult> TagFeatureRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/feature-requests")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<FeatureRequestBody>(request, Callers.AnyAgent,
            (agent, body) => tag.HandleAsync(agent, id, body, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(UntagFeatureRequest))]
    [Api("Feature requests", "Removes a feature request from the conversation; answers the conversation's feature requests.", typeof(ConversationFeatureRequests), Problems = [401, 404])]
    public Task<IResult> UntagFeatureRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/conversations/{id}/feature-requests/{key}")] HttpRequest request,
        string id, string key, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => untag.HandleAsync(id, key, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(ListConversationFeatureRequests))]
    [Api("Feature requests", "The features this conversation's customer asks for.", typeof(ConversationFeatureRequests), Problems = [401, 404])]
    public Task<IResult> ListConversationFeatureRequests(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations/{id}/feature-requests")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => ofConversation.HandleAsync(id, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(ListFeatureRequests))]
    [Api("Feature requests", "Every requested feature with the customers who asked and how often; unshipped first, most asked-for first.", typeof(FeatureRequestList), Problems = [401])]
    public Task<IResult> ListFeatureRequests(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/feature-requests")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => list.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(ShipFeature))]
    [Api("Feature requests", "The feature shipped: drafts a personal email to each customer who asked (in the approval queue, sent only once an agent approves it). Not trainees.", typeof(FeatureShipped), Body = typeof(ShipFeatureBody), Problems = [400, 401, 403, 404])]
    public Task<IResult> ShipFeature(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/feature-requests/{key}/ship")] HttpRequest request,
        string key, CancellationToken cancellationToken) =>
        api.RunAsync<ShipFeatureBody>(request, Callers.NotTrainee,
            (agent, body) => ship.HandleAsync(agent, key, body, cancellationToken), cancellationToken, FeatureRoute.Key(key));
}
