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
    [Api("Saved replies", "The calling agent's own saved replies, by name, and the placeholders a body may use.", typeof(SavedReplyList), Problems = [401])]
    public Task<IResult> ListSavedReplies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/saved-replies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => listSavedReplies.HandleAsync(agent, cancellationToken), cancellationToken);

    [Function(nameof(CreateSavedReply))]
    [Api("Saved replies", "A new saved reply {name, body}; a placeholder the renderer does not know is a 400 naming it.", typeof(SavedReplyView), Status = 201, Body = typeof(SavedReplyBody), Problems = [400, 401, 409])]
    public Task<IResult> CreateSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/saved-replies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<SavedReplyBody>(request, Callers.AnyAgent, (agent, body) => createSavedReply.HandleAsync(agent, body, cancellationToken), cancellationToken);

    [Function(nameof(UpdateSavedReply))]
    [Api("Saved replies", "Replaces name and body of one of the caller's saved replies.", typeof(SavedReplyView), Body = typeof(SavedReplyBody), Problems = [400, 401, 404])]
    public Task<IResult> UpdateSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/saved-replies/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<SavedReplyBody>(request, Callers.AnyAgent, (agent, body) => updateSavedReply.HandleAsync(agent, id, body, cancellationToken), cancellationToken);

    [Function(nameof(DeleteSavedReply))]
    [Api("Saved replies", "Deletes one of the caller's saved replies.", Status = 204, Problems = [401, 404])]
    public Task<IResult> DeleteSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/saved-replies/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => deleteSavedReply.HandleAsync(agent, id, cancellationToken), cancellationToken);

    [Function(nameof(RenderSavedReply))]
    [Api("Saved replies", "The caller's saved reply with its placeholders filled in for this conversation.", typeof(RenderedReply), Problems = [401, 404])]
    public Task<IResult> RenderSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/saved-replies/{replyId}/render")] HttpRequest request,
        string id, string replyId, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent,
            agent => renderSavedReply.HandleAsync(agent, id, replyId, cancellationToken), cancellationToken, ConversationRoute.Id(id));
}
