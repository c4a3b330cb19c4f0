using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Conversations;
using Switchboard.Storage.Conversations;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

public sealed class ReplyApiTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Mail:TeamName"] = "Acme Support",
        ["Mail:MaxAttachmentBytes"] = "4096",
    };

    [Fact]
    public async Task Reply_appears_at_once_as_sending_then_goes_out_from_the_agent_on_the_mailbox_with_threading_headers()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var alice = await agent.ApiKeyAsync("Alice Jones", "agent");

        var accepted = await agent.ReplyAcceptedAsync(id, new { text = "Please try the rear tray.", cc = new[] { "boss@example.com" } }, alice);

        Assert.Equal("sending", accepted.Str("deliveryState"));
        var (before, _) = await agent.GetAsync(id);
        Assert.Equal("sending", ReplyDriver.Message(before, accepted.Str("id")).Str("deliveryState"));
        Assert.Equal("pending", before.Str("status"));
        Assert.Equal(JsonValueKind.String, before.GetProperty("firstResponseAt").ValueKind);

        Assert.Equal(1, await agent.DeliverQueuedAsync());

        var (after, _) = await agent.GetAsync(id);
        var reply = ReplyDriver.Message(after, accepted.Str("id"));
        Assert.Equal("sent", reply.Str("deliveryState"));
        var customerMessage = after.Messages().First();
        var mail = Assert.Single(await agent.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
        var headers = mail.GetProperty("headers");
        Assert.Equal("\"Alice at Acme Support\" <support@acme.test>", mail.Str("from"));
        Assert.Equal("\"Dana Customer\" <dana@example.com>", mail.Str("to"));
        Assert.Equal("boss@example.com", headers.Str("Cc"));
        Assert.Equal(after.Str("replyAddress"), headers.Str("Reply-To"));
        Assert.Equal($"<{customerMessage.Str("messageId")}>", headers.Str("In-Reply-To"));
        Assert.Equal($"<{customerMessage.Str("messageId")}>", headers.Str("References"));
        Assert.Equal($"<{reply.Str("messageId")}>", headers.Str("Message-ID"));
        Assert.EndsWith("@mail.acme.test", reply.Str("messageId"));
        Assert.Equal("Printer jams", headers.Str("Thread-Topic"));
        Assert.Equal(27, Convert.FromBase64String(headers.Str("Thread-Index")).Length);
        Assert.Contains("Please try the rear tray.", mail.Str("text"));
    }

    [Fact]
    public async Task The_customers_answer_to_a_reply_threads_into_the_conversation_and_reopens_it()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var reply = await agent.ReplyAcceptedAsync(id, new { text = "Which model is it?" });
        await agent.DeliverQueuedAsync();

        // The customer's client answers the Message-ID we sent, with a subject of its own making.
        await agent.Mail.PostMimeAsync(new TestEmail(ReplyDriver.Customer, "support@acme.test", "Re: Re: Printer jams", "An LX-200.")
        {
            InReplyTo = reply.Str("messageId"),
        }.ToBytes());
        await agent.Mail.ProcessQueuedAsync();

        var (conversation, _) = await agent.GetAsync(id);
        Assert.Equal(3, conversation.Messages().Length);
        Assert.Equal("open", conversation.Str("status"));
    }

    [Fact]
    public async Task Reply_without_If_Match_is_428_and_nothing_is_sent()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();

        var response = await agent.ReplyAsync(id, new { text = "Hello" }, ifMatch: null);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("If-Match", (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("field"));
        Assert.Equal(0, await agent.QueuedOutboundAsync());
    }

    [Fact]
    public async Task Stale_reply_is_409_with_the_messages_that_arrived_meanwhile_and_is_not_sent()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var (opened, etag) = await agent.GetAsync(id);
        await agent.Mail.PostMimeAsync(new TestEmail(ReplyDriver.Customer, "support@acme.test", "Re: Printer jams", "Never mind, it works now!")
        {
            InReplyTo = opened.Messages()[0].Str("messageId"),
        }.ToBytes());
        await agent.Mail.ProcessQueuedAsync();

        var response = await agent.ReplyAsync(id, new { text = "Try the rear tray." }, etag);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var missed = Assert.Single(problem.GetProperty("newMessages").EnumerateArray());
        Assert.Contains("Never mind", missed.Str("visibleText"));
        Assert.Equal(response.Headers.ETag!.ToString(), problem.Str("etag"));
        Assert.Equal(0, await agent.QueuedOutboundAsync());
        var (now, _) = await agent.GetAsync(id);
        Assert.DoesNotContain(now.Messages(), m => m.Str("direction") == "outbound");
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_returns_the_same_reply_and_sends_once()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var (_, etag) = await agent.GetAsync(id);

        var first = await agent.ReplyAsync(id, new { text = "On its way." }, etag, idempotencyKey: "draft-42");
        var retry = await agent.ReplyAsync(id, new { text = "On its way." }, etag, idempotencyKey: "draft-42");
        await agent.DeliverQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).Str("id"), (await retry.Content.ReadFromJsonAsync<JsonElement>()).Str("id"));
        var (conversation, _) = await agent.GetAsync(id);
        Assert.Single(conversation.Messages(), m => m.Str("direction") == "outbound");
        Assert.Single(await agent.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
    }

    [Fact]
    public async Task A_redelivered_queue_message_after_sent_does_not_send_again()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var reply = await agent.ReplyAcceptedAsync(id, new { text = "Done." });
        await agent.DeliverQueuedAsync();

        await host.Services.GetRequiredService<Switchboard.Handlers.Replies.DeliverOutboundEmail>()
            .HandleAsync($$"""{"conversationId":"{{id}}","messageId":"{{reply.Str("id")}}","attempt":1}""");

        Assert.Single(await agent.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
    }

    [Fact]
    public async Task Reply_to_a_closed_conversation_reopens_it_then_the_chosen_status_applies()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        await host.Services.GetRequiredService<ConversationUpdater>().UpdateAsync(id, conversation =>
        {
            conversation.Close(conversation.LastActivityAt);
            return ConversationEdit.HeadOnly;
        });

        await agent.ReplyAcceptedAsync(id, new { text = "One more thing.", statusAfter = "open" });

        var (conversation, _) = await agent.GetAsync(id);
        Assert.Equal("open", conversation.Str("status"));
        Assert.Equal(id, Assert.Single((await agent.Mail.ListAsync("?status=open")).GetProperty("items").EnumerateArray()).Str("id"));
        Assert.Empty((await agent.Mail.ListAsync("?status=closed")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Attachments_are_stored_sent_and_limited_in_total_size()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var (_, etag) = await agent.GetAsync(id);
        var small = new { name = "steps.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("1. Open tray"u8.ToArray()) };
        var big = new { name = "manual.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(new byte[4097]) };

        var tooLarge = await agent.ReplyAsync(id, new { text = "See attached.", attachments = new[] { big } }, etag);
        var accepted = await agent.ReplyAcceptedAsync(id, new { text = "See attached.", attachments = new[] { small } });
        await agent.DeliverQueuedAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        var attachment = Assert.Single(accepted.GetProperty("attachments").EnumerateArray());
        Assert.Equal("steps.txt", attachment.Str("name"));
        var download = await agent.Mail.GetAsync(attachment.Str("url"));
        Assert.Equal("1. Open tray", await download.Content.ReadAsStringAsync());
        var mail = Assert.Single(await agent.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
        Assert.Contains("steps.txt", mail.GetProperty("headers").Str("X-Attachments"));
    }

    [Theory]
    [InlineData("""{"text":""}""", "text")]
    [InlineData("""{"cc":["a@b.c"]}""", "text")]
    [InlineData("""{"text":"Hi","statusAfter":"snoozed"}""", "statusAfter")]
    [InlineData("""{"text":"Hi","cc":["not an address"]}""", "cc[0]")]
    [InlineData("""{"text":"Hi","attachments":[{"name":"a.txt","contentType":"text/plain","contentBase64":"%%%"}]}""", "attachments[0].contentBase64")]
    [InlineData("""{"text":"Hi","attachments":[{"contentType":"text/plain","contentBase64":""}]}""", "attachments[0].name")]
    [InlineData("""{"text":"Hi","attachments":[{"name":"a.txt","contentType":"nonsense","contentBase64":""}]}""", "attachments[0].contentType")]
    [InlineData("""{"text":5}""", "text")]
    public async Task Bad_reply_bodies_are_400_naming_the_field(string json, string field)
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var (_, etag) = await agent.GetAsync(id);

        var response = await agent.ReplyAsync(id, JsonDocument.Parse(json).RootElement, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("field"));
    }

    [Fact]
    public async Task Unknown_conversation_is_404_and_a_trainee_is_told_to_submit_a_draft()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var trainee = await agent.ApiKeyAsync("Tom Trainee", "trainee");
        var (_, etag) = await agent.GetAsync(id);

        var unknown = await agent.ReplyAsync("c0123456789abcdef0123456", new { text = "Hi" }, "\"v1\"");
        var refused = await agent.ReplyAsync(id, new { text = "Hi" }, etag, trainee);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("draft", (await refused.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));
        Assert.Equal(0, await agent.QueuedOutboundAsync());
    }

    [Fact]
    public async Task A_reply_to_an_Outlook_customer_continues_their_Thread_Index()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        await agent.Mail.DeliverAsync("Clients/outlook-desktop-reply.eml");
        await agent.Mail.ProcessQueuedAsync();
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");

        await agent.ReplyAcceptedAsync(id, new { text = "Noted." });
        await agent.DeliverQueuedAsync();

        var customers = Convert.FromBase64String("AQHcqlc1r0XbBqD2QkK4m1sUYcJ5kQAbc0Wg");
        var mail = Assert.Single(await agent.SinkAsync(), m => m.Str("subject") == "Re: Printer error E-301");
        var ours = Convert.FromBase64String(mail.GetProperty("headers").Str("Thread-Index"));
        Assert.Equal(customers.Length + 5, ours.Length);
        Assert.Equal(customers, ours[..customers.Length]);
    }

    [Fact]
    public async Task A_conversation_without_a_customer_address_cannot_be_replied_to()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var agent = new ReplyDriver(host);
        await agent.Mail.DeliverAsync("Broken/missing-from.eml");
        await agent.Mail.ProcessQueuedAsync();
        var id = (await agent.Mail.SingleConversationAsync()).Str("id");
        var (_, etag) = await agent.GetAsync(id);

        var response = await agent.ReplyAsync(id, new { text = "Hello?" }, etag);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await agent.QueuedOutboundAsync());
    }
}
