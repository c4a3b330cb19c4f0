using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Core;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

/// <summary>SendGrid's Signed Event Webhook, signed here with a P-256 key made for the test.</summary>
public sealed class DeliveryEventTests : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => key.Dispose();

    private Dictionary<string, string?> Settings => new()
    {
        ["SendGrid:EventWebhookPublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
    };

    private async Task<HttpResponseMessage> PostEventsAsync(TestHost host, object events, DateTimeOffset? signedAt = null, ECDsa? signer = null, bool sign = true)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(events);
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/sendgrid") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (sign)
        {
            var signature = (signer ?? key).SignData(Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature));
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }
        return await host.Client.SendAsync(request);
    }

    private static object Event(string conversationId, string messageId, string type, string eventId, string? reason = null) => new Dictionary<string, object?>
    {
        ["email"] = "dana@example.com",
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = type,
        ["sg_event_id"] = eventId,
        ["sg_message_id"] = "sg-1.filter",
        ["reason"] = reason,
        ["conversation_id"] = conversationId,
        ["message_id"] = messageId,
    };

    private static async Task<(ReplyDriver Agent, string Conversation, string Message)> SentReplyAsync(TestHost host)
    {
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var reply = await agent.ReplyAcceptedAsync(id, new { text = "Hello" });
        await agent.DeliverQueuedAsync();
        return (agent, id, reply.Str("id"));
    }

    private static async Task<JsonElement> MessageAsync(ReplyDriver agent, string id, string messageId) =>
        ReplyDriver.Message((await agent.GetAsync(id)).Conversation, messageId);

    [Fact]
    public async Task Delivered_then_a_late_deferred_stays_delivered_and_an_open_follows()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var (agent, id, messageId) = await SentReplyAsync(host);

        var delivered = await PostEventsAsync(host, new[] { Event(id, messageId, "processed", "e1"), Event(id, messageId, "delivered", "e2", "250 OK") });
        var late = await PostEventsAsync(host, new[] { Event(id, messageId, "deferred", "e3", "421 try later") });
        var afterLate = await MessageAsync(agent, id, messageId);
        await PostEventsAsync(host, new[] { Event(id, messageId, "open", "e4") });

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal("delivered", afterLate.Str("deliveryState"));
        Assert.Contains("250 OK", afterLate.Str("deliveryDetail"));
        Assert.Equal("opened", (await MessageAsync(agent, id, messageId)).Str("deliveryState"));
    }

    [Fact]
    public async Task A_bounce_is_shown_with_its_reason_and_announced_once_however_often_it_is_posted()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var (agent, id, messageId) = await SentReplyAsync(host);
        var bounce = new[] { Event(id, messageId, "bounce", "b1", "550 5.1.1 mailbox unknown") };

        await PostEventsAsync(host, bounce);
        await PostEventsAsync(host, bounce);

        var message = await MessageAsync(agent, id, messageId);
        Assert.Equal("bounced", message.Str("deliveryState"));
        Assert.Contains("550 5.1.1 mailbox unknown", message.Str("deliveryDetail"));
        var events = await host.Storage.Queue(QueueNames.DomainEvents).PeekMessagesAsync(32);
        Assert.Single(events.Value, e => e.Body.ToString().Contains("delivery-failed"));
    }

    [Fact]
    public async Task Unsigned_wrongly_signed_and_stale_posts_are_401_and_change_nothing()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var (agent, id, messageId) = await SentReplyAsync(host);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var events = new[] { Event(id, messageId, "delivered", "x1") };

        var unsigned = await PostEventsAsync(host, events, sign: false);
        var forged = await PostEventsAsync(host, events, signer: stranger);
        var stale = await PostEventsAsync(host, events, signedAt: DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("sent", (await MessageAsync(agent, id, messageId)).Str("deliveryState"));
    }

    [Fact]
    public async Task Events_for_unknown_messages_are_accepted_and_ignored_and_bad_json_is_400()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);

        var unknown = await PostEventsAsync(host, new[] { Event("c0123456789abcdef0123456", "m0123456789abcdef0123456", "delivered", "u1") });
        var notAnArray = await PostEventsAsync(host, new { hello = "world" });

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(0, (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, notAnArray.StatusCode);
    }
}
