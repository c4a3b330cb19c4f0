using Switchboard.Core;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;

namespace Switchboard.Functions.Conversations;

public sealed class ConversationFunctions(
    AgentApi api,
    SignInLinks links,
    PoisonQueue poisonQueue,
    MessagePartAccess messageParts,
    ListConversations listConversations,
    GetConversation getConversation,
    DownloadRawMessage downloadRawMessage,
    DownloadAttachment downloadAttachment,
    UpdateConversation updateConversation,
    AddNote addNote,
    BeatPresence beatPresence,
    ListAssignees listAssignees,
    NotifyMentionedAgents notifyMentionedAgents,
    WakeSnoozedConversations wakeSnoozedConversations,
    WakeSnoozedConversationsWhenDue wakeSnoozedConversationsWhenDue)
{
    [Function(nameof(ListConversations))]
    [Api("Conversations", "The inbox, newest activity first. Query: view (all|mine|unassigned), mailbox, status (open|pending|snoozed|closed), limit, continuationToken.", typeof(ConversationPage), Problems = [400, 401, 404])]
    public Task<IResult> ListConversations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<InboxQuery>(request, Callers.AnyAgent, (agent, query) => listConversations.HandleAsync(agent, query, cancellationToken), cancellationToken);

    [Function(nameof(GetConversation))]
    [Api("Conversations", "A conversation with all its messages.", typeof(ConversationDetail), Problems = [401, 404])]
    public Task<IResult> GetConversation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getConversation.HandleAsync(id, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(DownloadRawMessage))]
    [Api("Conversations", "The message as received (message/rfc822). API key or signed link.", Problems = [401, 404])]
    public Task<IResult> DownloadRawMessage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations/{id}/messages/{messageId}/raw")] HttpRequest request,
        string id, string messageId, CancellationToken cancellationToken) =>
        messageParts.RunAsync(request, () => downloadRawMessage.HandleAsync(id, messageId, cancellationToken), cancellationToken);

    [Function(nameof(DownloadAttachment))]
    [Api("Conversations", "One attachment or inline image. API key or signed link.", Problems = [401, 404])]
    public Task<IResult> DownloadAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversations/{id}/messages/{messageId}/attachments/{index:int}")] HttpRequest request,
        string id, string messageId, int index, CancellationToken cancellationToken) =>
        messageParts.RunAsync(request, () => downloadAttachment.HandleAsync(id, messageId, index, cancellationToken), cancellationToken);

    [Function(nameof(UpdateConversation))]
    [Api("Conversations", "Changes status (snoozed needs a future snoozedUntil), assignee (an active agent, or null) and/or tags. Absent fields stay.", typeof(ConversationState), Body = typeof(ConversationChange), Problems = [400, 401, 404])]
    public Task<IResult> UpdateConversation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/conversations/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<ConversationChange>(request, Callers.AnyAgent,
            (_, change) => updateConversation.HandleAsync(id, change, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(AddNote))]
    [Api("Conversations", "Adds an internal note (never emailed to the customer); @handles email the mentioned agents.", typeof(NoteAdded), Status = 201, Body = typeof(NoteBody), Problems = [400, 401, 404])]
    public Task<IResult> AddNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/notes")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<NoteBody>(request, Callers.AnyAgent,
            (agent, body) => addNote.HandleAsync(agent, id, body, links.BaseUrl(request), cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(BeatPresence))]
    [Api("Conversations", "Heartbeat while the conversation is open (state viewing|replying); answers who else is here (beats of the last 40 s).", typeof(PresenceList), Body = typeof(PresenceBeat), Problems = [400, 401, 404])]
    public Task<IResult> BeatPresence(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/presence")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync<PresenceBeat>(request, Callers.AnyAgent,
            (agent, beat) => beatPresence.HandleAsync(agent, id, beat, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(ListAssignees))]
    [Api("Conversations", "Active agents to assign or @mention, and the caller's own agent id (me).", typeof(AssigneeList), Problems = [401])]
    public Task<IResult> ListAssignees(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/assignees")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => listAssignees.HandleAsync(agent, cancellationToken), cancellationToken);

    [Function(nameof(NotifyMentionedAgents))]
    public Task NotifyMentionedAgents([QueueTrigger(QueueNames.NoteMentions)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.NoteMentions, message, notifyMentionedAgents.HandleAsync, cancellationToken);

    [Function(nameof(WakeSnoozedConversations))]
    public Task WakeSnoozedConversations([TimerTrigger(TimerSchedules.Hourly)] TimerInfo timer, CancellationToken cancellationToken) =>
        wakeSnoozedConversations.RunAsync(cancellationToken);

    [Function(nameof(WakeSnoozedConversationsWhenDue))]
    public Task WakeSnoozedConversationsWhenDue([QueueTrigger(QueueNames.ConversationWakeups)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.ConversationWakeups, message, wakeSnoozedConversationsWhenDue.HandleAsync, cancellationToken);
}
