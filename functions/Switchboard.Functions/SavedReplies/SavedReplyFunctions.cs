using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.SavedReplies;

namespace Switchboard.Functions.SavedReplies;

public sealed class SavedReplyFunctions(
    ListSavedReplies listSavedReplies,
    CreateSavedReply createSavedReply,
    UpdateSavedReply updateSavedReply,
    DeleteSavedReply deleteSavedReply,
    RenderSavedReply renderSavedReply)
{
    [Function(nameof(ListSavedReplies))]
    public Task<IResult> ListSavedReplies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "saved-replies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listSavedReplies.HandleAsync(request, cancellationToken);

    [Function(nameof(CreateSavedReply))]
    public Task<IResult> CreateSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "saved-replies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        createSavedReply.HandleAsync(request, cancellationToken);

    [Function(nameof(UpdateSavedReply))]
    public Task<IResult> UpdateSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "saved-replies/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        updateSavedReply.HandleAsync(request, id, cancellationToken);

    [Function(nameof(DeleteSavedReply))]
    public Task<IResult> DeleteSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "saved-replies/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        deleteSavedReply.HandleAsync(request, id, cancellationToken);

    [Function(nameof(RenderSavedReply))]
    public Task<IResult> RenderSavedReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{id}/saved-replies/{replyId}/render")] HttpRequest request,
        string id, string replyId, CancellationToken cancellationToken) =>
        renderSavedReply.HandleAsync(request, id, replyId, cancellationToken);
}
