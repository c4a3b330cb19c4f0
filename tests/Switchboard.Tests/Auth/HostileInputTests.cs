using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Auth;

/// <summary>
/// "Nothing a client sends can make the API return 500": walks the route table as the first admin (who may call every
/// route) and sends each route malformed ids, queries and bodies. Every answer must be a client error or a success,
/// and an error must be a problem body. Routes added later are walked too.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string[] Ids = ["x", "c" + new string('0', 23), "m" + new string('f', 23), "..%2F..", new string('a', 600), "%E2%98%83", "a%00b"];

    private static readonly string Query = "?limit=-1&status=zzz&view=nobody&mailbox=%00&continuationToken=%25%25&q=%20&from=yesterday&to=2&conversationId=..";

    private static readonly (string Name, string ContentType, string Body)[] Bodies =
    [
        ("no body", "application/json", ""),
        ("cut JSON", "application/json", "{\"text\": \"unfinished"),
        ("a JSON array", "application/json", "[1, 2, 3]"),
        ("a JSON string", "application/json", "\"hello\""),
        ("null", "application/json", "null"),
        ("wrong types", "application/json",
            """{"text": 5, "status": [], "email": {}, "name": true, "role": 7, "tags": "x", "assigneeId": 3, "snoozedUntil": "soon", "timeZoneId": "Mars/Olympus", "layers": {}, "levels": "one", "start": 1, "end": [], "statusAfter": 9, "attachments": [{"contentBase64": "@@@"}], "recap": null, "direction": "sideways", "durationMinutes": -5, "notifyNewConversations": "yes", "webhookUrl": "file:///etc/passwd", "body": {}, "state": 1}"""),
        ("huge values", "application/json",
            "{\"text\": \"" + new string('x', 200_000) + "\", \"name\": \"" + new string('n', 5_000) + "\", \"email\": \"" + new string('e', 5_000) + "@x.test\"}"),
        ("deep nesting", "application/json", new string('[', 5_000) + new string(']', 5_000)),
        ("form body", "application/x-www-form-urlencoded", "a=1&b=%ZZ"),
        ("binary", "application/octet-stream", "\u0000\u0001\u00ff\u0000"),
    ];

    /// <summary>Pages for people, not API clients: they answer in HTML, errors included.</summary>
    private static readonly HashSet<string> HtmlRoutes = ["ShowPageAcknowledgement", "AcknowledgePage"];

    [Fact]
    public async Task No_route_answers_a_server_error_to_malformed_ids_queries_or_bodies()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        // One real conversation, so handlers get past "not found" and meet the bodies with something to change.
        var mail = new InboundDriver(host);
        await mail.DeliverAsync("Threads/Gmail3/01-customer.eml");
        await mail.ProcessQueuedAsync();
        var conversation = (await mail.SingleConversationAsync()).Str("id");
        var message = (await mail.ConversationAsync(conversation)).Messages()[0].Str("id");
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
        var routes = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .ToList();

        var failures = new List<string>();
        var requests = 0;
        foreach (var route in routes)
        {
            var name = route.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? route.RoutePattern.RawText!;
            foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                foreach (var id in Ids.Append(conversation))
                {
                    var path = PathWith(route.RoutePattern, id, id == conversation ? message : id) + Query;
                    var bodies = method is "GET" or "DELETE" ? Bodies.Take(1) : Bodies;
                    foreach (var (bodyName, contentType, body) in bodies)
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), path);
                        if (method is not ("GET" or "DELETE"))
                        {
                            request.Content = new StringContent(body, Encoding.UTF8);
                            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                            request.Headers.TryAddWithoutValidation("If-Match", "\"v-1\"");
                        }
                        using var response = await client.SendAsync(request);
                        requests++;
                        var status = (int)response.StatusCode;
                        var problem = status >= 400 && !HtmlRoutes.Contains(name) && response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or null)
                            && (await response.Content.ReadAsByteArrayAsync()).Length > 0;
                        if (status >= 500 || problem)
                        {
                            var text = await response.Content.ReadAsStringAsync();
                            failures.Add($"{method} {route.RoutePattern.RawText} ({name}) id '{Shorten(id)}' with {bodyName}: {status} "
                                + $"{response.Content.Headers.ContentType?.MediaType} {Shorten(text)}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
        Assert.True(routes.Count > 40, $"Only {routes.Count} routes were found: is the route table read?");
    }

    /// <summary>
    /// The route with its {id} set to <paramref name="id"/>, {messageId} to <paramref name="messageId"/> and any other
    /// parameter to <paramref name="id"/> too (already URL-encoded; 0 for int parameters).
    /// </summary>
    private static string PathWith(RoutePattern pattern, string id, string messageId) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "0",
            RoutePatternParameterPart { Name: "messageId" } => messageId,
            RoutePatternParameterPart => id,
            _ => "",
        }))));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
