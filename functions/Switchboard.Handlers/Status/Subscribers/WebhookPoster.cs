using System.Net.Http.Headers;
using Switchboard.Core.Status;
using Switchboard.Handlers.Security;
using Switchboard.Handlers.Status.Checks;

namespace Switchboard.Handlers.Status.Subscribers;

/// <summary>
/// Posts signed JSON to a webhook subscriber through a client that obeys the uptime checks' SSRF rules
/// (<see cref="PublicEndpoints"/>: the URL checked again before each post, the connected address after DNS, no
/// redirects; <c>StatusChecks:AllowLocalTargets</c> lifts the address rule in tests). Anything but a 2xx throws, so
/// the queue retries the delivery and finally moves it to the poison queue.
/// </summary>
public sealed class WebhookPoster(IHttpClientFactory http, SubscriberLinks links, IOptions<UptimeCheckOptions> options, TimeProvider time)
{
    public const string HttpClientName = "status-webhooks";

    public async Task PostAsync(StatusSubscriber subscriber, string eventId, string type, byte[] body, CancellationToken cancellationToken = default)
    {
        if (PublicEndpoints.UrlProblem(subscriber.Address, options.Value.AllowLocalTargets) is { } problem)
        {
            throw new PoisonMessageException($"Webhook {subscriber.Id} is not called: {problem}");
        }
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("Switchboard-Status/1.0");
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(links.WebhookSecret(subscriber.Id), timestamp, body));
        request.Headers.Add(WebhookSignature.EventHeader, type);
        request.Headers.Add(WebhookSignature.DeliveryHeader, eventId);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Webhook {subscriber.Id} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
