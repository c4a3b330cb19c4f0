using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Drafts;
using Switchboard.Handlers.Replies;

namespace Switchboard.Functions.Drafts;

public sealed class DraftFunctions(
    AgentApi api,
    SignInLinks links,
    SubmitDraft submitDraft,
    ListConversationDrafts listConversationDrafts,
    ListDrafts listDrafts,
    UpdateDraft updateDraft,
    ApproveDraft approveDraft,
    ReturnDraft returnDraft)
{
    [Function(nameof(SubmitDraft))]
    [Api("Conversations", "Submits a reply for approval (the body of a reply). Anyone may; trainees must. It waits in the approval queue.", typeof(DraftView), Status = 201, Body = typeof(ReplyRequest), Problems = [400, 401, 404, 413])]
    public Task<IResult> SubmitDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/drafts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<ReplyRequest>(request, Callers.AnyAgent,
            (agent, body) => submitDraft.HandleAsync(agent, id, body, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(ListConversationDrafts))]
    [Api("Conversations", "The conversation's drafts in every state, oldest first.", typeof(ConversationDrafts), Problems = [401, 404])]
    public Task<IResult> ListConversationDrafts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations/{id}/drafts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listConversationDrafts.HandleAsync(id, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(ListDrafts))]
    [Api("Drafts", "The approval queue (submitted drafts, oldest first); for trainees, or with mine=true, the caller's own drafts (state? submitted|returned|approved).", typeof(DraftList), Problems = [400, 401])]
    public Task<IResult> ListDrafts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/drafts")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<DraftQuery>(request, Callers.AnyAgent, (agent, query) => listDrafts.HandleAsync(agent, query, cancellationToken), cancellationToken);

    [Function(nameof(UpdateDraft))]
    [Api("Drafts", "The author replaces a submitted or returned draft and (re)submits it.", typeof(DraftView), Body = typeof(ReplyRequest), Problems = [400, 401, 403, 404, 409])]
    public Task<IResult> UpdateDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/drafts/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<ReplyRequest>(request, Callers.AnyAgent,
            (agent, body) => updateDraft.HandleAsync(agent, id, body, cancellationToken), cancellationToken, DraftRoute.Id(id));

    [Function(nameof(ApproveDraft))]
    [Api("Drafts", "Sends a submitted draft, optionally edited (text, html, cc, statusAfter; version = the draft version read). If-Match with the conversation's ETag. Not trainees.", typeof(DraftApproved), Status = 202, Body = typeof(ApproveDraftRequest), Problems = [400, 401, 403, 404, 409, 428])]
    public Task<IResult> ApproveDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/drafts/{id}/approve")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<ApproveDraftInput>(request, Callers.NotTrainee,
            (agent, input) => approveDraft.HandleAsync(agent, id, input, cancellationToken), cancellationToken, DraftRoute.Id(id));

    [Function(nameof(ReturnDraft))]
    [Api("Drafts", "Returns a submitted draft to its author with a comment (they are emailed). Not trainees.", typeof(DraftView), Body = typeof(ReturnDraftRequest), Problems = [400, 401, 403, 404, 409])]
    public Task<IResult> ReturnDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/drafts/{id}/return")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<ReturnDraftRequest>(request, Callers.NotTrainee,
            (agent, body) => returnDraft.HandleAsync(agent, id, body, links.BaseUrl(request), cancellationToken), cancellationToken, DraftRoute.Id(id));
}
