using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core;
using Switchboard.Handlers.Replies;

namespace Switchboard.Functions.Replies;

public sealed class ReplyFunctions(
    SendReply sendReply,
    RetryDelivery retryDelivery,
    ReceiveDeliveryEvents receiveDeliveryEvents,
    UpdatePreferences updatePreferences,
    DeliverOutboundEmail deliverOutboundEmail)
{
    [Function(nameof(SendReply))]
    public Task<IResult> SendReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{id}/replies")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        sendReply.HandleAsync(request, id, cancellationToken);

    [Function(nameof(RetryDelivery))]
    public Task<IResult> RetryDelivery(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "conversations/{id}/messages/{messageId}/retry")] HttpRequest request,
        string id, string messageId, CancellationToken cancellationToken) =>
        retryDelivery.HandleAsync(request, id, messageId, cancellationToken);

    [Function(nameof(ReceiveDeliveryEvents))]
    public Task<IResult> ReceiveDeliveryEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events/sendgrid")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveDeliveryEvents.HandleAsync(request, cancellationToken);

    [Function(nameof(UpdatePreferences))]
    public Task<IResult> UpdatePreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "auth/me/preferences")] HttpRequest request,
        CancellationToken cancellationToken) =>
        updatePreferences.HandleAsync(request, cancellationToken);

    [Function(nameof(DeliverOutboundEmail))]
    public Task DeliverOutboundEmail([QueueTrigger(QueueNames.OutboundEmail)] string message, CancellationToken cancellationToken) =>
        deliverOutboundEmail.HandleAsync(message, cancellationToken);
}
