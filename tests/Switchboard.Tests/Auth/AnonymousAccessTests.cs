using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

/// <summary>
/// Walks the local host's route table and calls every API route with no credentials at all. Routes added later are
/// walked too: only <see cref="PublicRoutes"/> may answer anything but 401.
/// </summary>
public sealed class AnonymousAccessTests
{
    /// <summary>
    /// Routes a stranger may call. Inbound webhooks and signed downloads are absent on purpose: without their secret
    /// or signature they answer 401 like any agent route.
    /// </summary>
    private static readonly Dictionary<string, string> PublicRoutes = new()
    {
        ["CheckHealth"] = "monitoring probes storage health",
        ["RequestMagicLink"] = "asking for a sign-in link (always 202, rate-limited)",
        ["ConsumeMagicLink"] = "following the emailed link (the token is the credential)",
        ["ShowPageAcknowledgement"] = "a page's acknowledge link is opened from email or chat without a session (the signed token is the credential; unknown or tampered tokens are 404)",
        ["AcknowledgePage"] = "the button on that page acknowledges without a session (same signed token; 404 unknown, 410 used)",
        ["GetCalendarFeed"] = "calendar apps fetch the feed without headers (the token in the URL is the credential; unknown tokens are 404)",
        ["PostArticleFeedback"] = "the public knowledge base's feedback buttons (rate-limited, published articles only, answers nothing but 202)",
        ["PostSearchMiss"] = "the public knowledge base's search box reports searches that found nothing (rate-limited)",
        ["PostContactVisit"] = "the contact form's deflection beacon (rate-limited)",
        ["PostContact"] = "the public contact form (rate-limited; answers the same 202 whoever writes)",
        ["RateReply"] = "the rating links in a reply are clicked from the customer's mail (the signed token is the credential; tampered or unknown is 400)",
        ["CommentOnRating"] = "the rating page's optional comment (same signed token)",
        ["ReceiveTwilioSms"] = "Twilio's SMS webhook: X-Twilio-Signature is the credential; missing or wrong is 403, as Twilio's docs advise",
        ["ReceiveTwilioVoice"] = "Twilio's voice webhook (same signature check, 403)",
        ["AnswerNpsSurvey"] = "a customer's one-click NPS answer from the survey email (the signed token is the credential; tampered tokens are 400)",
        ["CommentOnNpsSurvey"] = "the comment form on that answer's thank-you page (same signed token)",
        ["Subscribe"] = "the public status page's subscribe form (rate-limited; answers the same 202 whether or not the address is subscribed)",
        ["ShowSubscriptionConfirmation"] = "the confirmation link from the opt-in mail shows a button (the signed token is the credential; tampered is 400)",
        ["ConfirmSubscription"] = "that button, or a webhook receiver, confirms (same signed token)",
        ["ShowUnsubscribe"] = "the unsubscribe link in a status notification shows a button (signed token; tampered is 400)",
        ["Unsubscribe"] = "RFC 8058 one-click unsubscribe POSTs without a session (same signed token)",
        ["ZzApiNotFound"] = "the API's catch-all: any path no function serves is a 404 problem, signed in or not",
    };

    [Fact]
    public async Task Every_route_but_the_public_ones_answers_401_to_an_anonymous_caller()
    {
        // The local host opens the dev mail view to loopback callers; here it must be closed like any agent route.
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["LocalHost:DevMailView"] = "false" });
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var routes = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .ToList();

        var answers = new List<string>();
        foreach (var route in routes)
        {
            var name = route.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? route.RoutePattern.RawText!;
            foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                // No body: a route that declares what it accepts (Accepts<>) would answer 415 to any other content type.
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), SamplePath(route.RoutePattern)));
                if (!PublicRoutes.ContainsKey(name) && response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    answers.Add($"{method} {route.RoutePattern.RawText} ({name}) answered {(int)response.StatusCode}, not 401");
                }
            }
        }

        Assert.True(answers.Count == 0, string.Join(Environment.NewLine, answers));
        var names = routes.Select(r => r.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).ToHashSet();
        Assert.All(PublicRoutes.Keys, name => Assert.Contains(name, names));
        Assert.True(routes.Count > PublicRoutes.Count + 10, $"Only {routes.Count} routes were found: is the route table read?");
    }

    [Fact]
    public async Task Agent_routes_refuse_a_bearer_token_that_is_not_a_key()
    {
        await using var host = await TestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/conversations") { Headers = { { "Authorization", "Bearer sbk_0123456789abcdef_nope" } } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(request)).StatusCode);
    }

    /// <summary>The route with every parameter filled with a harmless value (0 where it must be a number).</summary>
    private static string SamplePath(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "0",
            RoutePatternParameterPart parameter => "x" + parameter.Name,
            _ => "",
        }))));
}
