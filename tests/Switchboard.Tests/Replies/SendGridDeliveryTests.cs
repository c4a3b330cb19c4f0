using System.Net;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

public sealed class SendGridDeliveryTests
{
    private static Dictionary<string, string?> Settings(FakeSendGrid sendGrid) => new()
    {
        ["Mail:Sender"] = "sendgrid",
        ["Mail:TeamName"] = "Acme Support",
        ["Mail:DeliveryRetryDelay"] = "00:00:01",
        ["Mail:MaxDeliveryAttempts"] = "3",
        ["SendGrid:ApiKey"] = "SG.test-key",
        ["SendGrid:ApiHost"] = sendGrid.Url,
    };

    [Fact]
    public async Task The_SendGrid_request_carries_our_headers_reply_to_cc_attachments_and_custom_args()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await TestHost.StartAsync(Settings(sendGrid), queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var alice = await agent.ApiKeyAsync("Alice Jones", "agent");
        sendGrid.Script(); // the team's new-conversation notifications went out; only the reply counts here
        var file = new { name = "steps.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("1. Open tray"u8.ToArray()) };

        var reply = await agent.ReplyAcceptedAsync(id, new { text = "See attached.", cc = new[] { "boss@example.com" }, attachments = new[] { file } }, alice);
        await agent.DeliverQueuedAsync();

        var (request, authorization) = Assert.Single(sendGrid.Requests);
        Assert.Equal("Bearer SG.test-key", authorization);
        var (conversation, _) = await agent.GetAsync(id);
        var customerMessageId = conversation.Messages()[0].Str("messageId");
        Assert.Equal("support@acme.test", request.GetProperty("from").Str("email"));
        Assert.Equal("Alice at Acme Support", request.GetProperty("from").Str("name"));
        Assert.Equal(conversation.Str("replyAddress"), request.GetProperty("reply_to").Str("email"));
        Assert.Equal("Re: Printer jams", request.Str("subject"));
        var personalization = Assert.Single(request.GetProperty("personalizations").EnumerateArray());
        Assert.Equal("dana@example.com", Assert.Single(personalization.GetProperty("to").EnumerateArray()).Str("email"));
        Assert.Equal("boss@example.com", Assert.Single(personalization.GetProperty("cc").EnumerateArray()).Str("email"));
        var headers = request.GetProperty("headers");
        Assert.Equal($"<{reply.Str("messageId")}>", headers.Str("Message-ID"));
        Assert.Equal($"<{customerMessageId}>", headers.Str("In-Reply-To"));
        Assert.Equal($"<{customerMessageId}>", headers.Str("References"));
        Assert.Equal("Printer jams", headers.Str("Thread-Topic"));
        Assert.False(string.IsNullOrEmpty(headers.Str("Thread-Index")));
        var customArgs = request.GetProperty("custom_args");
        Assert.Equal(id, customArgs.Str("conversation_id"));
        Assert.Equal(reply.Str("id"), customArgs.Str("message_id"));
        var attachment = Assert.Single(request.GetProperty("attachments").EnumerateArray());
        Assert.Equal("steps.txt", attachment.Str("filename"));
        Assert.Equal("1. Open tray", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attachment.Str("content"))));
        var sent = ReplyDriver.Message(conversation, reply.Str("id"));
        Assert.Equal("sent", sent.Str("deliveryState"));
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_with_back_off_until_sent()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await TestHost.StartAsync(Settings(sendGrid), queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        sendGrid.Script(429, 500);
        var reply = await agent.ReplyAcceptedAsync(id, new { text = "Hello" });

        await agent.DeliverQueuedAsync();
        var (waiting, _) = await agent.GetAsync(id);
        await agent.DeliverUntilSettledAsync(TimeSpan.FromSeconds(20));

        var retrying = ReplyDriver.Message(waiting, reply.Str("id"));
        Assert.Equal("sending", retrying.Str("deliveryState"));
        Assert.Contains("429", retrying.Str("deliveryDetail"));
        Assert.Equal(3, sendGrid.Requests.Count);
        var (conversation, _) = await agent.GetAsync(id);
        Assert.Equal("sent", ReplyDriver.Message(conversation, reply.Str("id")).Str("deliveryState"));
    }

    [Fact]
    public async Task A_permanent_refusal_fails_at_once_with_the_reason_and_the_agent_can_retry()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await TestHost.StartAsync(Settings(sendGrid), queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        sendGrid.Script(400);
        var reply = await agent.ReplyAcceptedAsync(id, new { text = "Hello" });

        await agent.DeliverQueuedAsync();
        var (failed, _) = await agent.GetAsync(id);
        var retry = await agent.PostAsync($"/api/conversations/{id}/messages/{reply.Str("id")}/retry");
        var again = await agent.PostAsync($"/api/conversations/{id}/messages/{reply.Str("id")}/retry");
        await agent.DeliverQueuedAsync();

        var failure = ReplyDriver.Message(failed, reply.Str("id"));
        Assert.Equal("failed", failure.Str("deliveryState"));
        Assert.Contains("400", failure.Str("deliveryDetail"));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, sendGrid.Requests.Count);
        var (conversation, _) = await agent.GetAsync(id);
        Assert.Equal("sent", ReplyDriver.Message(conversation, reply.Str("id")).Str("deliveryState"));
    }

    [Fact]
    public async Task Transient_failures_end_failed_after_the_last_try()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var host = await TestHost.StartAsync(Settings(sendGrid), queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        sendGrid.Script(503, 503, 503);
        var reply = await agent.ReplyAcceptedAsync(id, new { text = "Hello" });

        await agent.DeliverUntilSettledAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(3, sendGrid.Requests.Count);
        var (conversation, _) = await agent.GetAsync(id);
        var message = ReplyDriver.Message(conversation, reply.Str("id"));
        Assert.Equal("failed", message.Str("deliveryState"));
        Assert.Contains("3 tries", message.Str("deliveryDetail"));
    }
}
