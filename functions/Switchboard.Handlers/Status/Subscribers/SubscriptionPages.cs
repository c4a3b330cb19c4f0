using System.Net;
using Switchboard.Storage.Status;

namespace Switchboard.Handlers.Status.Subscribers;

/// <summary>
/// The pages behind the links in subscribers' mail. Opening a link (GET) only shows a button: mail scanners follow
/// links, and must neither confirm a subscription nobody asked for nor unsubscribe anyone. The button posts back to
/// the same URL, which acts — as does a mail client's RFC 8058 one-click POST
/// (<c>List-Unsubscribe=One-Click</c>), which needs no page at all.
/// </summary>
public sealed class SubscriptionPages(SubscriberLinks links, SubscriberStore store, IOptions<StatusPageOptions> page, TimeProvider time)
{
    /// <summary><c>GET /api/public/status/subscriptions/confirm/{token}</c>.</summary>
    public IResult ConfirmPage(string token) =>
        links.VerifyConfirm(token) is null
            ? Problems.BadRequest("This confirmation link is not valid or has expired; subscribe again for a new one.", "token")
            : Html($"Confirm your subscription", $"<p>Press the button to start receiving {E(page.Value.Name)} updates.</p>" + Button("Confirm subscription"));

    /// <summary><c>POST /api/public/status/subscriptions/confirm/{token}</c>: the subscriber starts receiving notifications.</summary>
    public async Task<IResult> ConfirmAsync(string token, CancellationToken cancellationToken = default)
    {
        if (links.VerifyConfirm(token) is not { } id)
        {
            return Problems.BadRequest("This confirmation link is not valid or has expired; subscribe again for a new one.", "token");
        }
        if (await store.GetAsync(id, cancellationToken) is not var (subscriber, etag))
        {
            return Problems.NotFound("This subscription no longer exists; subscribe again.");
        }
        if (!subscriber.Confirmed || subscriber.PendingComponents is not null)
        {
            var confirmed = subscriber with
            {
                Confirmed = true,
                ConfirmedAt = subscriber.ConfirmedAt ?? time.GetUtcNow(),
                Components = subscriber.PendingComponents ?? subscriber.Components,
                PendingComponents = null,
            };
            try
            {
                await store.SaveAsync(confirmed, etag, cancellationToken);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 412)
            {
                return Problems.Conflict("The subscription changed at the same time; open the link again.");
            }
        }
        return Html("You are subscribed", $"<p>You will hear of {E(page.Value.Name)} incidents and maintenance. " +
            $"Every notification carries a link to unsubscribe; or <a href=\"{E(links.UnsubscribeUrl(id))}\">unsubscribe now</a>.</p>");
    }

    /// <summary><c>GET /api/public/status/unsubscribe/{token}</c>.</summary>
    public IResult UnsubscribePage(string token) =>
        links.VerifyUnsubscribe(token) is null
            ? Problems.BadRequest("This unsubscribe link is not valid.", "token")
            : Html("Unsubscribe", $"<p>Press the button to stop receiving {E(page.Value.Name)} updates.</p>" + Button("Unsubscribe"));

    /// <summary><c>POST /api/public/status/unsubscribe/{token}</c>: RFC 8058 one-click, or the page's button. Idempotent.</summary>
    public async Task<IResult> UnsubscribeAsync(string token, CancellationToken cancellationToken = default)
    {
        if (links.VerifyUnsubscribe(token) is not { } id)
        {
            return Problems.BadRequest("This unsubscribe link is not valid.", "token");
        }
        await store.RemoveAsync(id, cancellationToken);
        return Html("You are unsubscribed", $"<p>You will get no more {E(page.Value.Name)} updates.</p>");
    }

    private static string Button(string label) => $"<form method=\"post\"><button type=\"submit\">{E(label)}</button></form>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    public static IResult Html(string title, string body, int status = StatusCodes.Status200OK) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
        $"<title>{WebUtility.HtmlEncode(title)}</title></head><body><main><h1>{WebUtility.HtmlEncode(title)}</h1>{body}</main></body></html>",
        "text/html; charset=utf-8", statusCode: status);
}
