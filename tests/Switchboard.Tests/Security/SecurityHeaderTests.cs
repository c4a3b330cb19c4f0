using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Switchboard.Handlers.WebApp;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Security;

/// <summary>
/// Walks the local host's route table (so routes added later are walked too) and checks the hardening headers on
/// every answer, anonymous and with the bootstrap key, plus the web app's files and a page's acknowledge page.
/// </summary>
public sealed class SecurityHeaderTests
{
    /// <summary>Routes whose answer may be cached on purpose, and why.</summary>
    private static readonly Dictionary<string, string> DeliberatelyCached = new()
    {
        ["GetCalendarFeed"] = "calendar apps poll the feed; five private minutes spare the Function app",
    };

    [Fact]
    public async Task Every_route_answers_with_the_hardening_headers_and_api_answers_are_not_stored()
    {
        var webRoot = Directory.CreateTempSubdirectory("sb-webroot-");
        await File.WriteAllTextAsync(Path.Combine(webRoot.FullName, "index.html"), "<!doctype html><title>Switchboard</title><div id=app></div>");
        try
        {
            await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { [$"{WebAppOptions.Section}:{nameof(WebAppOptions.Root)}"] = webRoot.FullName }, queuePump: false);
            using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
            var routes = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
                .ToList();

            var missing = new List<string>();
            foreach (var route in routes)
            {
                var name = route.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? route.RoutePattern.RawText!;
                foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    foreach (var withKey in new[] { false, true })
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), SamplePath(route.RoutePattern));
                        if (withKey)
                        {
                            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
                        }
                        using var response = await client.SendAsync(request);
                        missing.AddRange(Problems(response, api: !DeliberatelyCached.ContainsKey(name))
                            .Select(p => $"{method} {route.RoutePattern.RawText} ({name}, {(withKey ? "key" : "anonymous")}, {(int)response.StatusCode}): {p}"));
                    }
                }
            }
            foreach (var path in new[] { "/", "/index.html", "/no-such-file.js", "/api/oncall/acknowledge/not-a-token", "/openapi/v1.json" })
            {
                using var response = await client.GetAsync(path);
                missing.AddRange(Problems(response, api: path.StartsWith("/api/", StringComparison.Ordinal)).Select(p => $"GET {path} ({(int)response.StatusCode}): {p}"));
            }

            Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
            Assert.True(routes.Count > 40, $"Only {routes.Count} routes were found: is the route table read?");
        }
        finally
        {
            webRoot.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_policy_forbids_inline_script_and_framing()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        using var response = await host.Client.GetAsync("/api/health");
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));

        var scriptSources = Directive(policy, "script-src");
        Assert.Equal(["'self'"], scriptSources);
        Assert.Equal(["'none'"], Directive(policy, "frame-ancestors"));
        Assert.Equal(["'none'"], Directive(policy, "object-src"));
        Assert.Equal(["'none'"], Directive(policy, "base-uri"));
    }

    private static IEnumerable<string> Problems(HttpResponseMessage response, bool api)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
        if (Header("Content-Security-Policy") is not { } policy || !policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal)
            || Directive(policy, "script-src").Any(s => s.Contains("unsafe", StringComparison.Ordinal)))
        {
            yield return $"Content-Security-Policy is '{Header("Content-Security-Policy")}'";
        }
        if (Header("X-Frame-Options") != "DENY")
        {
            yield return $"X-Frame-Options is '{Header("X-Frame-Options")}'";
        }
        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return $"X-Content-Type-Options is '{Header("X-Content-Type-Options")}'";
        }
        if (Header("Referrer-Policy") != "no-referrer")
        {
            yield return $"Referrer-Policy is '{Header("Referrer-Policy")}'";
        }
        if (api && !(Header("Cache-Control") ?? "").Contains("no-store", StringComparison.Ordinal))
        {
            yield return $"Cache-Control is '{Header("Cache-Control")}'";
        }
    }

    private static string[] Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(d => d.Length > 0 && d[0] == name)?[1..] ?? [];

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
