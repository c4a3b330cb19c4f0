using Switchboard.Core;
using Switchboard.Handlers.Escalation;

namespace Switchboard.Functions.Escalation;

public sealed class EscalationFunctions(
    AgentApi api,
    PoisonQueue poisonQueue,
    ListEscalationPolicies listEscalationPolicies,
    GetEscalationPolicy getEscalationPolicy,
    PutEscalationPolicy putEscalationPolicy,
    ListPages listPages,
    SetPagingSettings setPagingSettings,
    ShowPageAcknowledgement showPageAcknowledgement,
    AcknowledgePage acknowledgePage,
    RunEscalationCheck runEscalationCheck,
    SweepEscalations sweepEscalations,
    NotifyShiftStarts notifyShiftStarts,
    NotifyShiftStartsWhenDue notifyShiftStartsWhenDue)
{
    [Function(nameof(ListEscalationPolicies))]
    [Api("On call", "Every mailbox with its escalation policy (null: nobody is paged).", typeof(PolicyList), Problems = [401])]
    public Task<IResult> ListEscalationPolicies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/policies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listEscalationPolicies.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(GetEscalationPolicy))]
    [Api("On call", "A mailbox's escalation policy and the ETag a PUT sends as If-Match.", typeof(PolicyView), Problems = [401, 404])]
    public Task<IResult> GetEscalationPolicy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/policies/{mailbox}")] HttpRequest request,
        string mailbox, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getEscalationPolicy.HandleAsync(mailbox, cancellationToken), cancellationToken);

    [Function(nameof(PutEscalationPolicy))]
    [Api("On call", "Creates (no If-Match) or replaces (If-Match) a mailbox's escalation policy: targetFirstResponse, levels, repeat, afterHours, supportHours. Admins only.", typeof(PolicyView), Body = typeof(PolicyBody), Problems = [401, 403, 404, 409, 428], Validation = true)]
    public Task<IResult> PutEscalationPolicy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/oncall/policies/{mailbox}")] HttpRequest request,
        string mailbox, CancellationToken cancellationToken) =>
        api.RunBoundAsync<PolicyEdit>(request, Callers.Admin, (_, edit) => putEscalationPolicy.HandleAsync(mailbox, edit, cancellationToken), cancellationToken);

    [Function(nameof(ListPages))]
    [Api("On call", "Pages sent, newest first: to whom, by which channel, about which conversations, acknowledged by whom. Query: conversationId, limit, continuationToken.", typeof(PageLogPage), Problems = [400, 401])]
    public Task<IResult> ListPages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/pages")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<PageLogQuery>(request, Callers.AnyAgent, (_, query) => listPages.HandleAsync(query, cancellationToken), cancellationToken);

    [Function(nameof(SetPagingSettings))]
    [Api("On call", "The agent's page webhook (Slack/Teams-compatible; null clears it). The agent or an admin.", typeof(PagingSettingsView), Body = typeof(PagingSettingsBody), Problems = [400, 401, 403, 404])]
    public Task<IResult> SetPagingSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/oncall/agents/{agentId}/paging")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        api.RunAsync<PagingSettingsBody>(request, Callers.AnyAgent,
            (agent, body) => setPagingSettings.HandleAsync(agent, agentId, body, cancellationToken), cancellationToken);

    [Function(nameof(ShowPageAcknowledgement))]
    [Api("On call", "A page's acknowledge link: a page with a button (link previews must not acknowledge). The signed token is the credential; 404 unknown, 410 used.", typeof(string), ContentType = "text/html")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status410Gone)]
    public Task<IResult> ShowPageAcknowledgement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/acknowledge/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        showPageAcknowledgement.HandleAsync(request, token, cancellationToken);

    [Function(nameof(AcknowledgePage))]
    [Api("On call", "Acknowledges the page once: escalation stops for every conversation it listed. 404 unknown or tampered, 410 already used.", typeof(string), ContentType = "text/html")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status410Gone)]
    public Task<IResult> AcknowledgePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/oncall/acknowledge/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        acknowledgePage.HandleAsync(request, token, cancellationToken);

    [Function(nameof(RunEscalationCheck))]
    public Task RunEscalationCheck([QueueTrigger(QueueNames.EscalationChecks)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.EscalationChecks, message, runEscalationCheck.HandleAsync, cancellationToken);

    [Function(nameof(SweepEscalations))]
    public Task SweepEscalations([TimerTrigger(TimerSchedules.EveryTenMinutes)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweepEscalations.RunAsync(cancellationToken);

    [Function(nameof(NotifyShiftStarts))]
    public Task NotifyShiftStarts([TimerTrigger(TimerSchedules.Hourly)] TimerInfo timer, CancellationToken cancellationToken) =>
        notifyShiftStarts.RunAsync(cancellationToken);

    [Function(nameof(NotifyShiftStartsWhenDue))]
    public Task NotifyShiftStartsWhenDue([QueueTrigger(QueueNames.ShiftStarts)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.ShiftStarts, message, notifyShiftStartsWhenDue.HandleAsync, cancellationToken);
}
