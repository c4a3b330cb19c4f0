using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

public sealed class CallTests
{
    private static Task<HttpResponseMessage> LogAsync(TestHost host, string id, object body, string key = TestHost.ApiKey, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{id}/calls")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
            Content = JsonContent.Create(body),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return host.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_logged_call_is_an_item_of_the_conversation_and_can_be_emailed_as_a_reply()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();

        var response = await LogAsync(host, id, new { recap = "Walked Dana through cleaning the rollers.", direction = "outbound", durationMinutes = 12, emailToCustomer = true });
        await agent.DeliverQueuedAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (conversation, _) = await agent.GetAsync(id);
        var call = Assert.Single(conversation.Messages(), m => m.Str("kind") == "call");
        Assert.Equal("Outbound call, 12 min", call.Str("subject"));
        Assert.Contains("call-outbound", call.Flags());
        var email = Assert.Single(conversation.Messages(), m => m.Str("kind") == "email" && m.Str("direction") == "outbound");
        Assert.Equal("sent", email.Str("deliveryState"));
        Assert.Contains("Walked Dana through cleaning the rollers.", Assert.Single(await agent.SinkAsync(), m => m.Str("subject") == "Re: Printer jams").Str("text"));
    }

    [Fact]
    public async Task A_retried_call_with_the_same_key_is_logged_once()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();

        await LogAsync(host, id, new { recap = "Called back.", direction = "inbound" }, idempotencyKey: "call-1");
        var retry = await LogAsync(host, id, new { recap = "Called back.", direction = "inbound" }, idempotencyKey: "call-1");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var (conversation, _) = await agent.GetAsync(id);
        Assert.Single(conversation.Messages(), m => m.Str("kind") == "call");
    }

    [Theory]
    [InlineData("""{"direction":"inbound"}""", "recap")]
    [InlineData("""{"recap":"x","direction":"sideways"}""", "direction")]
    [InlineData("""{"recap":"x","direction":"inbound","durationMinutes":-1}""", "durationMinutes")]
    public async Task Bad_calls_are_400_naming_the_field(string json, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();

        var response = await LogAsync(host, id, JsonDocument.Parse(json).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("field"));
    }

    [Fact]
    public async Task A_trainee_may_log_a_call_but_not_email_it_and_unknown_conversations_are_404()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var trainee = await agent.ApiKeyAsync("Tom Trainee", "trainee");

        var logged = await LogAsync(host, id, new { recap = "Took a message.", direction = "inbound" }, trainee);
        var emailed = await LogAsync(host, id, new { recap = "Took a message.", direction = "inbound", emailToCustomer = true }, trainee);
        var unknown = await LogAsync(host, "c0123456789abcdef0123456", new { recap = "x", direction = "inbound" });

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, emailed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
