using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Drafts;

namespace Switchboard.Functions.Drafts;

public sealed class DraftFunctions(
    SubmitDraft submitDraft,
    ListConversationDrafts listConversationDrafts,
    ListDrafts listDrafts,
    UpdateDraft updateDraft,
    ApproveDraft approveDraft,
    ReturnDraft returnDraft)
{
    [Function(nameof(SubmitDraft))]
    public Task<IResult> SubmitDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{id}/drafts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        submitDraft.HandleAsync(request, id, cancellationToken);

    [Function(nameof(ListConversationDrafts))]
    public Task<IResult> ListConversationDrafts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conversations/{id}/drafts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        listConversationDrafts.HandleAsync(request, id, cancellationToken);

    [Function(nameof(ListDrafts))]
    public Task<IResult> ListDrafts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "drafts")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listDrafts.HandleAsync(request, cancellationToken);

    [Function(nameof(UpdateDraft))]
    public Task<IResult> UpdateDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "drafts/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        updateDraft.HandleAsync(request, id, cancellationToken);

    [Function(nameof(ApproveDraft))]
    public Task<IResult> ApproveDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "drafts/{id}/approve")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        approveDraft.HandleAsync(request, id, cancellationToken);

    [Function(nameof(ReturnDraft))]
    public Task<IResult> ReturnDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "drafts/{id}/return")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        returnDraft.HandleAsync(request, id, cancellationToken);
}
