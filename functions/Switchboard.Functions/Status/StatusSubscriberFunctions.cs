using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Handlers.Hosting;
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
    [EndpointSummary("Subscribes {email | webhookUrl, components?} to status updates (JSON, or the status page's form post). Always 202, subscribed already or not; nothing is sent but a confirmation until its link is used.")]
    [Tags("Public status page")]
    [Accepts<SubscribeBody>("application/json", "application/x-www-form-urlencoded")]
    [ProducesResponseType<PublicAccepted>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesProblems(400, 413, 415, 429)]
    public Task<IResult> Subscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/status/subscriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        subscribe.HandleAsync(request, cancellationToken);

    [Function("ShowSubscriptionConfirmation")]
    [EndpointSummary("The confirmation link's page: a button that confirms (opening the link alone changes nothing). 400 tampered or expired link.")]
    [Tags("Public status page")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesProblems(400)]
    public IResult ShowSubscriptionConfirmation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/status/subscriptions/confirm/{token}")] HttpRequest request,
        string token) =>
        pages.ConfirmPage(token);

    [Function("ConfirmSubscription")]
    [EndpointSummary("Confirms a subscription (double opt-in); a webhook receiver may POST its confirmUrl directly.")]
    [Tags("Public status page")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesProblems(400, 404, 409)]
    public Task<IResult> ConfirmSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/status/subscriptions/confirm/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        pages.ConfirmAsync(token, cancellationToken);

    [Function("ShowUnsubscribe")]
    [EndpointSummary("The unsubscribe link's page: a button that unsubscribes (opening the link alone changes nothing).")]
    [Tags("Public status page")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesProblems(400)]
    public IResult ShowUnsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/status/unsubscribe/{token}")] HttpRequest request,
        string token) =>
        pages.UnsubscribePage(token);

    [Function("Unsubscribe")]
    [EndpointSummary("Unsubscribes: RFC 8058 one-click (List-Unsubscribe-Post) or the page's button. Idempotent.")]
    [Tags("Public status page")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [ProducesProblems(400)]
    public Task<IResult> Unsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/status/unsubscribe/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        pages.UnsubscribeAsync(token, cancellationToken);

    [Function(nameof(ListSubscribers))]
    [EndpointSummary("Status page subscribers, a page at a time (limit up to 200, continuationToken), with counts by kind and unconfirmed.")]
    [Tags("Status page")]
    [ProducesResponseType<SubscriberList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> ListSubscribers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/status/subscribers")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listSubscribers.HandleAsync(request, cancellationToken), cancellationToken);

    [Function(nameof(RemoveSubscriber))]
    [EndpointSummary("Removes a status page subscriber (admins).")]
    [Tags("Status page")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> RemoveSubscriber(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/status/subscribers/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin, _ => removeSubscriber.HandleAsync(id, cancellationToken), cancellationToken,
            RouteId.Of(id, "subscriber", StatusSubscriber.IsWellFormedId));

    [Function(nameof(DeliverStatusNotifications))]
    public Task DeliverStatusNotifications([QueueTrigger(QueueNames.StatusNotifications)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.StatusNotifications, message, deliver.HandleAsync, cancellationToken);
}
