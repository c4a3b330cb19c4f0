using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.SavedReplies;

public sealed class SavedReplyApiTests
{
    private static async Task<HttpResponseMessage> SendAsync(TestHost host, HttpMethod method, string path, object? body = null, string key = TestHost.ApiKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await host.Client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A second agent's API key (an admin-created key for a script acts as its own agent).</summary>
    private static async Task<string> SecondKeyAsync(TestHost host) =>
        (await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/api-keys", new { name = "Second agent", role = "agent" }), HttpStatusCode.Created)).Str("key");

    [Fact]
    public async Task An_agent_creates_lists_changes_and_deletes_their_replies()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var created = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/saved-replies",
            new { name = "Refund sent", body = "Hi {{customer.firstName}}, your refund is on its way." }), HttpStatusCode.Created);
        await SendAsync(host, HttpMethod.Post, "/api/saved-replies", new { name = "Account deleted", body = "Done." });
        var id = created.Str("id");
        var changed = await JsonAsync(await SendAsync(host, HttpMethod.Put, $"/api/saved-replies/{id}",
            new { name = "Refund issued", body = "Hi {{customer.firstName}}, refunded." }), HttpStatusCode.OK);
        var list = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/saved-replies"), HttpStatusCode.OK);
        var deleted = await SendAsync(host, HttpMethod.Delete, $"/api/saved-replies/{id}");
        var after = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/saved-replies"), HttpStatusCode.OK);

        Assert.Equal("Refund issued", changed.Str("name"));
        Assert.Equal(["Account deleted", "Refund issued"], list.GetProperty("items").EnumerateArray().Select(r => r.Str("name")));
        Assert.Contains("customer.firstName", list.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["Account deleted"], after.GetProperty("items").EnumerateArray().Select(r => r.Str("name")));
    }

    [Fact]
    public async Task An_agent_never_sees_or_touches_another_agents_replies()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var other = await SecondKeyAsync(host);
        var mine = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/saved-replies", new { name = "Mine", body = "Private" }), HttpStatusCode.Created);

        var theirList = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/saved-replies", key: other), HttpStatusCode.OK);
        var put = await SendAsync(host, HttpMethod.Put, $"/api/saved-replies/{mine.Str("id")}", new { name = "Stolen", body = "x" }, key: other);
        var delete = await SendAsync(host, HttpMethod.Delete, $"/api/saved-replies/{mine.Str("id")}", key: other);

        Assert.Empty(theirList.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var myList = await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/saved-replies"), HttpStatusCode.OK);
        Assert.Equal("Mine", Assert.Single(myList.GetProperty("items").EnumerateArray()).Str("name"));
    }

    [Fact]
    public async Task Unknown_placeholders_are_a_400_naming_them()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var problem = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/saved-replies",
            new { name = "Bad", body = "Hi {{customer.phone}} and {{ticket.id}}" }), HttpStatusCode.BadRequest);

        Assert.Equal("body", problem.Str("field"));
        Assert.Contains("{{customer.phone}}", problem.Str("detail"));
        Assert.Contains("{{ticket.id}}", problem.Str("detail"));
    }

    [Theory]
    [InlineData("""{"body": "x"}""", "name")]
    [InlineData("""{"name": " ", "body": "x"}""", "name")]
    [InlineData("""{"name": "x"}""", "body")]
    [InlineData("""{"name": ["x"], "body": "x"}""", "name")]
    public async Task Missing_or_malformed_fields_are_400_naming_them(string json, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/saved-replies") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey);

        var problem = await JsonAsync(await host.Client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal(field, problem.Str("field"));
    }

    [Fact]
    public async Task Rendering_fills_in_the_conversation_and_falls_back_for_what_is_unknown()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.PostMimeAsync(new TestEmail("Pereira, Ana <ana@example.com>", "support@acme.test", "Invoice 2291 is wrong").ToBytes());
        await mail.ProcessQueuedAsync();
        var conversation = (await mail.SingleConversationAsync()).Str("id");
        var reply = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/saved-replies",
            new { name = "Ack", body = "Hi {{customer.firstName}}, about {{conversation.subject}}: on it.\n{{agent.name}}" }), HttpStatusCode.Created);

        var rendered = await JsonAsync(await SendAsync(host, HttpMethod.Post,
            $"/api/conversations/{conversation}/saved-replies/{reply.Str("id")}/render"), HttpStatusCode.OK);

        // The bootstrap key is not a person, so the agent's name takes its fallback.
        Assert.Equal("Hi Ana, about Invoice 2291 is wrong: on it.\nThe support team", rendered.Str("text"));
    }

    [Fact]
    public async Task Rendering_an_unknown_conversation_or_reply_is_404()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var mail = new InboundDriver(host);
        await mail.PostMimeAsync(new TestEmail("ana@example.com", "support@acme.test", "Hello").ToBytes());
        await mail.ProcessQueuedAsync();
        var conversation = (await mail.SingleConversationAsync()).Str("id");
        var reply = await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/saved-replies", new { name = "Ack", body = "Hi" }), HttpStatusCode.Created);
        var other = await SecondKeyAsync(host);

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Post, $"/api/conversations/c0123456789abcdef0123456/saved-replies/{reply.Str("id")}/render")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Post, $"/api/conversations/{conversation}/saved-replies/r00000000000000000000/render")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Post, $"/api/conversations/{conversation}/saved-replies/{reply.Str("id")}/render", key: other)).StatusCode);
    }
}
