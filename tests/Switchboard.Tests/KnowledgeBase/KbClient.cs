using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.KnowledgeBase;

/// <summary>The authoring API as the KB site tests use it: an API key, JSON in and out.</summary>
public static class KbClient
{
    /// <summary>Host settings for tests that wait for publishes: a short publish delay and quick queue polling.</summary>
    public static Dictionary<string, string?> FastPublishing(string delay = "00:00:01") => new()
    {
        ["KnowledgeBase:PublishDelay"] = delay,
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
    };

    public static async Task<HttpResponseMessage> SendAsync(TestHost host, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await host.Client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates an article and answers its id, slug and ETag.</summary>
    public static async Task<(string Id, string Slug, string ETag)> CreateAsync(
        TestHost host, string title, string body, string category = "General", string status = "published", string? summary = null)
    {
        var response = await SendAsync(host, HttpMethod.Post, "/api/kb/articles", new { title, body, category, status, summary });
        var created = await JsonAsync(response, HttpStatusCode.Created);
        return (created.Str("id"), created.Str("slug"), response.Headers.ETag!.Tag);
    }

    public static async Task<string> EditAsync(TestHost host, string id, string etag, object change)
    {
        var response = await SendAsync(host, HttpMethod.Put, $"/api/kb/articles/{id}", change, etag);
        await JsonAsync(response, HttpStatusCode.OK);
        return response.Headers.ETag!.Tag;
    }

    public static async Task<JsonElement> SiteAsync(TestHost host) =>
        await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/site"), HttpStatusCode.OK);

    /// <summary>Waits until every change so far is on the site.</summary>
    public static async Task<JsonElement> PublishedAsync(TestHost host, TimeSpan? timeout = null)
    {
        JsonElement site = default;
        var done = await Eventually.TrueAsync(async () =>
        {
            site = await SiteAsync(host);
            return site.GetProperty("upToDate").GetBoolean() && site.GetProperty("publishes").GetInt32() > 0;
        }, timeout ?? TimeSpan.FromSeconds(90));
        Assert.True(done, $"The site was not published: {site}");
        return site;
    }
}
