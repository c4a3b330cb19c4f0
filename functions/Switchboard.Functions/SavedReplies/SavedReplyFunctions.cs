using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.SavedReplies;

namespace Switchboard.Functions.SavedReplies;

public sealed class SavedReplyFunctions(
    AgentApi api,
    ListSavedReplies listSavedReplies,
    CreateSavedReply createSavedReply,
    UpdateSavedReply updateSavedReply,
    DeleteSavedReply deleteSavedReply,
    RenderSavedReply renderSavedReply)
{
    [Function(nameof(ListSavedReplies))]
    [EndpointSummary("The calling agent's own saved replies, by name, and the placeholders a body may use.")]
    [Tags("Saved replies")]
    [ProducesResponseType<SavedReplyList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblems(401)]
    public Task<IResult> ListSavedReplies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/saved-replies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => listSavedReplies.HandleAsync(agent, cancellationToken), cancellationToken);

    [Function(nameof(CreateSavedReply))]
    [EndpointSummary("A new saved reply {name, body}; a placeholder the renderer does not know is a 400 naming it.")]
    [Tags("Saved replies")]
    [Accepts<SavedReplyBody>("application/json")]
    [ProducesResponseType<SavedReplyView>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblems(400, 401, 409)]
    public Task<IResult> CreateSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/saved-replies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<SavedReplyBody>(request, Callers.AnyAgent, (agent, body) => createSavedReply.HandleAsync(agent, body, cancellationToken), cancellationToken);

    [Function(nameof(UpdateSavedReply))]
    [EndpointSummary("Replaces name and body of one of the caller's saved replies.")]
    [Tags("Saved replies")]
    [Accepts<SavedReplyBody>("application/json")]
    [ProducesResponseType<SavedReplyView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblems(400, 401, 404)]
    public Task<IResult> UpdateSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/saved-replies/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<SavedReplyBody>(request, Callers.AnyAgent, (agent, body) => updateSavedReply.HandleAsync(agent, id, body, cancellationToken), cancellationToken);

    [Function(nameof(DeleteSavedReply))]
    [EndpointSummary("Deletes one of the caller's saved replies.")]
    [Tags("Saved replies")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(401, 404)]
    public Task<IResult> DeleteSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/saved-replies/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => deleteSavedReply.HandleAsync(agent, id, cancellationToken), cancellationToken);

    [Function(nameof(RenderSavedReply))]
    [EndpointSummary("The caller's saved reply with its placeholders filled in for this conversation.")]
    [Tags("Saved replies")]
    [ProducesResponseType<RenderedReply>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblems(401, 404)]
    public Task<IResult> RenderSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/saved-replies/{replyId}/render")] HttpRequest request,
        string id, string replyId, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent,
            agent => renderSavedReply.HandleAsync(agent, id, replyId, cancellationToken), cancellationToken, ConversationRoute.Id(id));
}
