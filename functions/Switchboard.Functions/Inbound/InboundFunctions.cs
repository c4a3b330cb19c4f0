using Switchboard.Core;
using Switchboard.Handlers.Inbound;

namespace Switchboard.Functions.Inbound;

public sealed class InboundFunctions(PoisonQueue poisonQueue, ReceiveSendGridEmail receiveSendGridEmail, ReceiveMimeEmail receiveMimeEmail, ProcessInboundEmail processInboundEmail)
{
    [Function(nameof(ReceiveSendGridEmail))]
    [EndpointSummary("SendGrid Inbound Parse webhook (raw or parsed mode). Secret as ?key= or the Basic password.")]
    [Tags("Inbound email")]
    [Accepts<IFormCollection>("multipart/form-data")]
    [ProducesResponseType<InboundAccepted>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesProblems(401, 413, 415, 503)]
    public Task<IResult> ReceiveSendGridEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/sendgrid")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveSendGridEmail.HandleAsync(request, cancellationToken);

    [Function(nameof(ReceiveMimeEmail))]
    [EndpointSummary("One raw RFC 5322 message as the body. Secret as ?key= or the Basic password; mailbox by X-Envelope-To or ?to=.")]
    [Tags("Inbound email")]
    [Accepts<string>("message/rfc822")]
    [ProducesResponseType<InboundAccepted>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesProblems(401, 413, 415, 503)]
    public Task<IResult> ReceiveMimeEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/mime")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveMimeEmail.HandleAsync(request, cancellationToken);

    [Function(nameof(ProcessInboundEmail))]
    public Task ProcessInboundEmail([QueueTrigger(QueueNames.InboundEmail)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.InboundEmail, message, processInboundEmail.HandleAsync, cancellationToken);
}
