using System.Net;
using System.Net.Mail;
using Switchboard.Core;
using Switchboard.Core.Status;
using Switchboard.Handlers.KnowledgeBase.Public;
using Switchboard.Handlers.Security;
using Switchboard.Handlers.Status.Checks;
using Switchboard.Storage.Queues;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Subscribers;

/// <summary><c>POST /api/public/status/subscriptions</c>: an email address or a webhook URL, and optionally the components to hear about.</summary>
public sealed record SubscribeBody(string? Email, string? WebhookUrl, IReadOnlyList<string>? Components, string? Website) : IHoneypotBody;

/// <summary>
/// <c>POST /api/public/status/subscriptions</c> (JSON, or the status page's form post). Rate-limited per client and
/// validated like every public endpoint (<see cref="PublicApi"/>). Double opt-in: nothing is sent to the subscriber
/// but a confirmation (a mail, or a post to the webhook carrying its signing secret) until its link is used. The
/// answer is the same 202 whether or not the address was subscribed already, so the form reveals no subscriber; a
/// subscribed address asking for other components gets them only once it confirms again.
/// </summary>
public sealed class Subscribe(
    PublicApi api, SubscriberStore store, StatusStore status, WorkQueue queue, IOptions<UptimeCheckOptions> checks, IOptions<StatusPageOptions> page,
    TimeProvider time)
{
    public static readonly PublicLimit Limit = new("status-subscribe", 10, TimeSpan.FromHours(1));
    public const string EmailAccepted = "Check your inbox: we sent you a link to confirm your subscription.";
    public const string WebhookAccepted = "We posted a confirmation request to the webhook URL: POST its confirmUrl to start receiving updates.";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (request.HasFormContentType)
        {
            if (await api.LimitAsync(request, Limit, cancellationToken) is { } tooMany)
            {
                return tooMany;
            }
            var form = await request.ReadFormAsync(cancellationToken);
            var body = new SubscribeBody(form["email"].FirstOrDefault(), form["webhookUrl"].FirstOrDefault(),
                form["components"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList(), form["website"].FirstOrDefault());
            var result = body.Website is { Length: > 0 } ? null : await SubscribeAsync(body, cancellationToken);
            var back = page.Value.Url is { Length: > 0 } url ? url : "/status/";
            return result ?? SubscriptionPages.Html("Check your inbox",
                $"<p>{WebUtility.HtmlEncode(Accepted(body))}</p><p><a href=\"{WebUtility.HtmlEncode(back)}\">Back to the status page</a></p>", StatusCodes.Status202Accepted);
        }
        return await api.RunAsync<SubscribeBody>(request, Limit, EmailAccepted,
            async b => await SubscribeAsync(b, cancellationToken) ?? PublicApi.Accepted(Accepted(b)), cancellationToken);
    }

    private static string Accepted(SubscribeBody body) => string.IsNullOrWhiteSpace(body.WebhookUrl) ? EmailAccepted : WebhookAccepted;

    /// <summary>Null when accepted; otherwise the problem to answer.</summary>
    public async Task<IResult?> SubscribeAsync(SubscribeBody body, CancellationToken cancellationToken = default)
    {
        var email = body.Email?.Trim();
        var webhook = body.WebhookUrl?.Trim();
        if (string.IsNullOrEmpty(email) == string.IsNullOrEmpty(webhook))
        {
            return Problems.BadRequest("Give either email or webhookUrl.", string.IsNullOrEmpty(email) ? "email" : "webhookUrl");
        }
        if (email is { Length: > 0 } && (email.Length > StatusSubscriber.MaxEmailLength || !MailAddress.TryCreate(email, out var parsed)
                || parsed.Address != email || parsed.Host.IndexOf('.') <= 0))
        {
            return Problems.BadRequest("email is not a valid email address.", "email");
        }
        if (webhook is { Length: > 0 } && PublicEndpoints.UrlProblem(webhook, checks.Value.AllowLocalTargets) is { } refused)
        {
            return Problems.BadRequest("webhookUrl is refused: " + refused, "webhookUrl");
        }
        var chosen = (body.Components ?? []).Select(c => c?.Trim() ?? "").Distinct().ToList();
        if (chosen.Count > StatusSubscriber.MaxComponents)
        {
            return Problems.BadRequest($"Choose at most {StatusSubscriber.MaxComponents} components.", "components");
        }
        var existing = await status.ListComponentsAsync(cancellationToken);
        if (chosen.FirstOrDefault(id => existing.All(c => c.Id != id)) is { } unknown)
        {
            return Problems.BadRequest($"There is no component '{unknown}'.", "components");
        }
        var kind = email is { Length: > 0 } ? SubscriberKind.Email : SubscriberKind.Webhook;
        var address = email is { Length: > 0 } ? email : webhook!;
        var id = StatusSubscriber.IdOf(kind, address);
        var now = time.GetUtcNow();
        var stored = await store.GetAsync(id, cancellationToken);
        StatusSubscriber next;
        if (stored is not var (subscriber, etag))
        {
            next = new StatusSubscriber(id, kind, address, chosen, false, now, null, null);
        }
        else if (!subscriber.Confirmed)
        {
            next = subscriber with { Components = chosen };
        }
        else if (!subscriber.Components.Order().SequenceEqual(chosen.Order()))
        {
            next = subscriber with { PendingComponents = chosen };
        }
        else
        {
            return null;
        }
        try
        {
            await store.SaveAsync(next, stored?.ETag, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null; // the same address was subscribed this instant; that confirmation is on its way
        }
        await queue.SendAsync(QueueNames.StatusNotifications, new StatusNotificationWork(StatusNotificationWork.Confirm, SubscriberId: id),
            cancellationToken: cancellationToken);
        return null;
    }
}
