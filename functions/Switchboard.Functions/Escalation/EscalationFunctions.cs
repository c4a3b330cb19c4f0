using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core;
using Switchboard.Handlers.Escalation;

namespace Switchboard.Functions.Escalation;

public sealed class EscalationFunctions(
    ListEscalationPolicies listEscalationPolicies,
    GetEscalationPolicy getEscalationPolicy,
    PutEscalationPolicy putEscalationPolicy,
    ListPages listPages,
    SetPagingSettings setPagingSettings,
    ShowPageAcknowledgement showPageAcknowledgement,
    AcknowledgePage acknowledgePage,
    RunEscalationCheck runEscalationCheck,
    SweepEscalations sweepEscalations,
    NotifyShiftStarts notifyShiftStarts)
{
    [Function(nameof(ListEscalationPolicies))]
    public Task<IResult> ListEscalationPolicies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/policies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listEscalationPolicies.HandleAsync(request, cancellationToken);

    [Function(nameof(GetEscalationPolicy))]
    public Task<IResult> GetEscalationPolicy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/policies/{mailbox}")] HttpRequest request,
        string mailbox, CancellationToken cancellationToken) =>
        getEscalationPolicy.HandleAsync(request, mailbox, cancellationToken);

    [Function(nameof(PutEscalationPolicy))]
    public Task<IResult> PutEscalationPolicy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "oncall/policies/{mailbox}")] HttpRequest request,
        string mailbox, CancellationToken cancellationToken) =>
        putEscalationPolicy.HandleAsync(request, mailbox, cancellationToken);

    [Function(nameof(ListPages))]
    public Task<IResult> ListPages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/pages")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listPages.HandleAsync(request, cancellationToken);

    [Function(nameof(SetPagingSettings))]
    public Task<IResult> SetPagingSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "oncall/agents/{agentId}/paging")] HttpRequest request,
        string agentId, CancellationToken cancellationToken) =>
        setPagingSettings.HandleAsync(request, agentId, cancellationToken);

    [Function(nameof(ShowPageAcknowledgement))]
    public Task<IResult> ShowPageAcknowledgement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall/acknowledge/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        showPageAcknowledgement.HandleAsync(request, token, cancellationToken);

    [Function(nameof(AcknowledgePage))]
    public Task<IResult> AcknowledgePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "oncall/acknowledge/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        acknowledgePage.HandleAsync(request, token, cancellationToken);

    [Function(nameof(RunEscalationCheck))]
    public Task RunEscalationCheck([QueueTrigger(QueueNames.EscalationChecks)] string message, CancellationToken cancellationToken) =>
        runEscalationCheck.HandleAsync(message, cancellationToken);

    [Function(nameof(SweepEscalations))]
    public Task SweepEscalations([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweepEscalations.RunAsync(cancellationToken);

    [Function(nameof(NotifyShiftStarts))]
    public Task NotifyShiftStarts([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        notifyShiftStarts.RunAsync(cancellationToken);
}
