using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Conversations;

namespace Switchboard.Functions.Conversations;

public sealed class ConversationFunctions(
    ListConversations listConversations,
    GetConversation getConversation,
    DownloadRawMessage downloadRawMessage,
    DownloadAttachment downloadAttachment)
{
    [Function(nameof(ListConversations))]
    public Task<IResult> ListConversations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listConversations.HandleAsync(request, cancellationToken);

    [Function(nameof(GetConversation))]
    public Task<IResult> GetConversation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        getConversation.HandleAsync(request, id, cancellationToken);

    [Function(nameof(DownloadRawMessage))]
    public Task<IResult> DownloadRawMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations/{id}/messages/{messageId}/raw")] HttpRequest request,
        string id, string messageId, CancellationToken cancellationToken) =>
        downloadRawMessage.HandleAsync(request, id, messageId, cancellationToken);

    [Function(nameof(DownloadAttachment))]
    public Task<IResult> DownloadAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations/{id}/messages/{messageId}/attachments/{index:int}")] HttpRequest request,
        string id, string messageId, int index, CancellationToken cancellationToken) =>
        downloadAttachment.HandleAsync(request, id, messageId, index, cancellationToken);
}
