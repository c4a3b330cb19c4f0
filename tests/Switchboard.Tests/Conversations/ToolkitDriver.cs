using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Conversations;

/// <summary>The conversation toolbar's API as the bootstrap key (the first admin) uses it, plus a delivered conversation.</summary>
public sealed class ToolkitDriver(TestHost host)
{
    public InboundDriver Mail { get; } = new(host);

    /// <summary>Delivers one email from a customer and returns the conversation's id.</summary>
    public async Task<string> NewConversationAsync(string subject = "Printer on fire", string from = "Ana Pereira <ana@example.com>")
    {
        var posted = await Mail.PostMimeAsync(new TestEmail(from, "support@acme.test", subject, "It is on fire.").ToBytes());
        Assert.True(posted.IsSuccessStatusCode);
        await Mail.ProcessQueuedAsync();
        var list = await Mail.ListAsync("?status=open&limit=100");
        return list.GetProperty("items").EnumerateArray().First(i => i.Str("subject") == subject).Str("id");
    }

    public Task<HttpResponseMessage> PatchAsync(string id, object body) => SendAsync(HttpMethod.Patch, $"/api/conversations/{id}", body);

    public Task<HttpResponseMessage> NoteAsync(string id, string text) => SendAsync(HttpMethod.Post, $"/api/conversations/{id}/notes", new { text });

    public Task<HttpResponseMessage> BeatAsync(string id, string state = "viewing") => SendAsync(HttpMethod.Post, $"/api/conversations/{id}/presence", new { state });

    /// <summary>The ids listed by GET /api/conversations with the query.</summary>
    public async Task<List<string>> IdsAsync(string query) =>
        [.. (await Mail.ListAsync(query)).GetProperty("items").EnumerateArray().Select(i => i.Str("id"))];

    public async Task<JsonElement> ItemAsync(string query, string id) =>
        (await Mail.ListAsync(query)).GetProperty("items").EnumerateArray().Single(i => i.Str("id") == id);

    public async Task<string> FirstAdminIdAsync()
    {
        using var signIn = new SignInDriver(host);
        return await signIn.AgentIdAsync(TestHost.FirstAdminEmail);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body) =>
        host.Client.SendAsync(new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey) },
            Content = JsonContent.Create(body),
        });
}

public static class ProblemJson
{
    public static async Task<string?> FieldAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("field", out var field) ? field.GetString() : null;
}
