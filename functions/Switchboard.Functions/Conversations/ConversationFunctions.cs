using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core;
using Switchboard.Handlers.Conversations;

namespace Switchboard.Functions.Conversations;

public sealed class ConversationFunctions(
    ListConversations listConversations,
    GetConversation getConversation,
    DownloadRawMessage downloadRawMessage,
    DownloadAttachment downloadAttachment,
    UpdateConversation updateConversation,
    AddNote addNote,
    BeatPresence beatPresence,
    ListAssignees listAssignees,
    NotifyMentionedAgents notifyMentionedAgents,
    WakeSnoozedConversations wakeSnoozedConversations)
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

    [Function(nameof(UpdateConversation))]
    public Task<IResult> UpdateConversation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "conversations/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        updateConversation.HandleAsync(request, id, cancellationToken);

    [Function(nameof(AddNote))]
    public Task<IResult> AddNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{id}/notes")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        addNote.HandleAsync(request, id, cancellationToken);

    [Function(nameof(BeatPresence))]
    public Task<IResult> BeatPresence(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{id}/presence")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        beatPresence.HandleAsync(request, id, cancellationToken);

    [Function(nameof(ListAssignees))]
    public Task<IResult> ListAssignees(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assignees")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listAssignees.HandleAsync(request, cancellationToken);

    [Function(nameof(NotifyMentionedAgents))]
    public Task NotifyMentionedAgents([QueueTrigger(QueueNames.NoteMentions)] string message, CancellationToken cancellationToken) =>
        notifyMentionedAgents.HandleAsync(message, cancellationToken);

    [Function(nameof(WakeSnoozedConversations))]
    public Task WakeSnoozedConversations([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        wakeSnoozedConversations.RunAsync(cancellationToken);
}
