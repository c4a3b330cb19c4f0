using Switchboard.Core;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Replies;

namespace Switchboard.Functions.Replies;

public sealed class ReplyFunctions(
    AgentApi api,
    PoisonQueue poisonQueue,
    SendReply sendReply,
    RetryDelivery retryDelivery,
    ReceiveDeliveryEvents receiveDeliveryEvents,
    UpdatePreferences updatePreferences,
    DeliverOutboundEmail deliverOutboundEmail)
{
    [Function(nameof(SendReply))]
    [Api("Conversations", "Sends a reply (text, html?, cc?, attachments? [{name, contentType, contentBase64}], statusAfter? open|pending|closed, default pending). Needs If-Match with the conversation's ETag (428 without; 409 with the new messages when stale); Idempotency-Key makes retries safe. Trainees get 403.", typeof(MessageView), Status = 202, Body = typeof(ReplyRequest), Problems = [400, 401, 403, 404, 409, 413, 428])]
    public Task<IResult> SendReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/replies")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<ReplyInput>(request, Callers.AnyAgent,
            (agent, input) => sendReply.HandleAsync(agent, id, input, cancellationToken), cancellationToken, ConversationRoute.Id(id));

    [Function(nameof(RetryDelivery))]
    [Api("Conversations", "Sends a failed reply again (back to sending). 409 unless the reply is failed.", typeof(MessageView), Status = 202, Problems = [401, 403, 404, 409])]
    public Task<IResult> RetryDelivery(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/messages/{messageId}/retry")] HttpRequest request,
        string id, string messageId, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.NotTrainee,
            agent => retryDelivery.HandleAsync(agent, id, messageId, cancellationToken), cancellationToken);

    [Function(nameof(ReceiveDeliveryEvents))]
    [Api("Delivery events", "SendGrid's Signed Event Webhook (processed, deferred, delivered, bounce, dropped, open). ECDSA signature and a recent timestamp required.", typeof(DeliveryEventsReceived), Body = typeof(JsonElementList), Problems = [400, 401, 413])]
    public Task<IResult> ReceiveDeliveryEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/events/sendgrid")] HttpRequest request,
        CancellationToken cancellationToken) =>
        receiveDeliveryEvents.HandleAsync(request, cancellationToken);

    [Function(nameof(UpdatePreferences))]
    [Api("Sign-in", "The signed-in agent's preferences: notifyNewConversations (email me each new conversation; answer it from my mail client). Not for API keys (409).", typeof(Preferences), Body = typeof(PreferencesChange), Problems = [400, 401, 409])]
    public Task<IResult> UpdatePreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/auth/me/preferences")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<PreferencesChange>(request, Callers.AnyAgent,
            (agent, change) => updatePreferences.HandleAsync(agent, change, cancellationToken), cancellationToken);

    [Function(nameof(DeliverOutboundEmail))]
    public Task DeliverOutboundEmail([QueueTrigger(QueueNames.OutboundEmail)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.OutboundEmail, message, deliverOutboundEmail.HandleAsync, cancellationToken);
}

/// <summary>The shape of an Event Webhook post, for the API reference: an array of event objects.</summary>
public sealed class JsonElementList : List<System.Text.Json.JsonElement>;
