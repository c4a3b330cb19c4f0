using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Drafts;

/// <summary>Drafts through the HTTP API with API keys (a trainee's, an approver's), on top of <see cref="ReplyDriver"/>.</summary>
public sealed class DraftDriver(TestHost host)
{
    public ReplyDriver Replies { get; } = new(host);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return host.Client.SendAsync(request);
    }

    public async Task<JsonElement> SubmitAsync(string conversationId, string key, object body)
    {
        var response = await SendAsync(HttpMethod.Post, $"/api/conversations/{conversationId}/drafts", key, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> ApproveAsync(string draftId, string key, object? body = null, string? ifMatch = null)
    {
        ifMatch ??= (await Replies.GetAsync(DraftsConversation(draftId))).ETag;
        return await SendAsync(HttpMethod.Post, $"/api/drafts/{draftId}/approve", key, body, ifMatch);
    }

    public Task<HttpResponseMessage> ReturnAsync(string draftId, string key, string? comment) =>
        SendAsync(HttpMethod.Post, $"/api/drafts/{draftId}/return", key, new { comment });

    public async Task<JsonElement[]> ListAsync(string key, string query = "")
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/drafts{query}", key);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    public async Task<JsonElement[]> OfConversationAsync(string conversationId, string key = TestHost.ApiKey)
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/conversations/{conversationId}/drafts", key);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    /// <summary>A draft's id ends with its conversation's.</summary>
    public static string DraftsConversation(string draftId) => draftId[(draftId.IndexOf('-') + 1)..];
}
