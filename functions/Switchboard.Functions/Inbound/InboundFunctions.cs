using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core;
using Switchboard.Handlers.Inbound;

namespace Switchboard.Functions.Inbound;

public sealed class InboundFunctions(ReceiveSendGridEmail receiveSendGridEmail, ReceiveMimeEmail receiveMimeEmail, ProcessInboundEmail processInboundEmail)
{
    [Function(nameof(ReceiveSendGridEmail))]
    public Task<IResult> ReceiveSendGridEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbound/sendgrid")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveSendGridEmail.HandleAsync(request, cancellationToken);

    [Function(nameof(ReceiveMimeEmail))]
    public Task<IResult> ReceiveMimeEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbound/mime")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveMimeEmail.HandleAsync(request, cancellationToken);

    [Function(nameof(ProcessInboundEmail))]
    public Task ProcessInboundEmail([QueueTrigger(QueueNames.InboundEmail)] string message, CancellationToken cancellationToken) =>
        processInboundEmail.HandleAsync(message, cancellationToken);
}
