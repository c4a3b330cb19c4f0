using Switchboard.Core;
using Switchboard.Handlers.Inbound;

namespace Switchboard.Functions.Inbound;

public sealed class InboundFunctions(PoisonQueue poisonQueue, ReceiveSendGridEmail receiveSendGridEmail, ReceiveMimeEmail receiveMimeEmail, ProcessInboundEmail processInboundEmail)
{
    [Function(nameof(ReceiveSendGridEmail))]
    [Api("Inbound email", "SendGrid Inbound Parse webhook (raw or parsed mode). Secret as ?key= or the Basic password.", typeof(InboundAccepted), Status = 202, Body = typeof(IFormCollection), BodyContentTypes = ["multipart/form-data"], Problems = [401, 413, 415, 503])]
    public Task<IResult> ReceiveSendGridEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/sendgrid")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveSendGridEmail.HandleAsync(request, cancellationToken);

    [Function(nameof(ReceiveMimeEmail))]
    [Api("Inbound email", "One raw RFC 5322 message as the body. Secret as ?key= or the Basic password; mailbox by X-Envelope-To or ?to=.", typeof(InboundAccepted), Status = 202, Body = typeof(string), BodyContentTypes = ["message/rfc822"], Problems = [401, 413, 415, 503])]
    public Task<IResult> ReceiveMimeEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/mime")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveMimeEmail.HandleAsync(request, cancellationToken);

    [Function(nameof(ProcessInboundEmail))]
    public Task ProcessInboundEmail([QueueTrigger(QueueNames.InboundEmail)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.InboundEmail, message, processInboundEmail.HandleAsync, cancellationToken);
}
