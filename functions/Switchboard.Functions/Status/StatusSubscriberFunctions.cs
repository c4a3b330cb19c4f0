using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Handlers.KnowledgeBase.Public;
using Switchboard.Handlers.Status.Subscribers;

namespace Switchboard.Functions.Status;

/// <summary>
/// Status page subscribers: the public subscribe endpoint and the pages behind their links (the signed token is the
/// authority), the agents' list, and the queue that confirms, fans out and posts webhooks.
/// </summary>
public sealed class StatusSubscriberFunctions(
    AgentApi api, PoisonQueue poisonQueue, Subscribe subscribe, SubscriptionPages pages, ListSubscribers listSubscribers,
    RemoveSubscriber removeSubscriber, DeliverStatusNotifications deliver)
{
    [Function(nameof(Subscribe))]
    [Api("Public status page", "Subscribes {email | webhookUrl, components?} to status updates (JSON, or the status page's form post). Always 202, subscribed already or not; nothing is sent but a confirmation until its link is used.", typeof(PublicAccepted), Status = 202, Body = typeof(SubscribeBody), BodyContentTypes = ["application/json", "application/x-www-form-urlencoded"], Problems = [400, 413, 415, 429])]
    public Task<IResult> Subscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/status/subscriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        subscribe.HandleAsync(request, cancellationToken);

    [Function("ShowSubscriptionConfirmation")]
    [Api("Public status page", "The confirmation link's page: a button that confirms (opening the link alone changes nothing). 400 tampered or expired link.", typeof(string), ContentType = "text/html", Problems = [400])]
    public IResult ShowSubscriptionConfirmation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/status/subscriptions/confirm/{token}")] HttpRequest request,
        string token) =>
        pages.ConfirmPage(token);

    [Function("ConfirmSubscription")]
    [Api("Public status page", "Confirms a subscription (double opt-in); a webhook receiver may POST its confirmUrl directly.", typeof(string), ContentType = "text/html", Problems = [400, 404, 409])]
    public Task<IResult> ConfirmSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/status/subscriptions/confirm/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        pages.ConfirmAsync(token, cancellationToken);

    [Function("ShowUnsubscribe")]
    [Api("Public status page", "The unsubscribe link's page: a button that unsubscribes (opening the link alone changes nothing).", typeof(string), ContentType = "text/html", Problems = [400])]
    public IResult ShowUnsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/status/unsubscribe/{token}")] HttpRequest request,
        string token) =>
        pages.UnsubscribePage(token);

    [Function("Unsubscribe")]
    [Api("Public status page", "Unsubscribes: RFC 8058 one-click (List-Unsubscribe-Post) or the page's button. Idempotent.", typeof(string), ContentType = "text/html", Problems = [400])]
    public Task<IResult> Unsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/status/unsubscribe/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        pages.UnsubscribeAsync(token, cancellationToken);

    [Function(nameof(ListSubscribers))]
    [Api("Status page", "Status page subscribers, a page at a time (limit up to 200, continuationToken), with counts by kind and unconfirmed.", typeof(SubscriberList), Problems = [400, 401])]
    public Task<IResult> ListSubscribers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/subscribers")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listSubscribers.HandleAsync(request, cancellationToken), cancellationToken);

    [Function(nameof(RemoveSubscriber))]
    [Api("Status page", "Removes a status page subscriber (admins).", Status = 204, Problems = [400, 401, 403, 404])]
    public Task<IResult> RemoveSubscriber(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/status/subscribers/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin, _ => removeSubscriber.HandleAsync(id, cancellationToken), cancellationToken,
            RouteId.Of(id, "subscriber", StatusSubscriber.IsWellFormedId));

    [Function(nameof(DeliverStatusNotifications))]
    public Task DeliverStatusNotifications([QueueTrigger(QueueNames.StatusNotifications)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.StatusNotifications, message, deliver.HandleAsync, cancellationToken);
}
