using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Events;
using Switchboard.Handlers.Replies;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

/// <summary>
/// An agent answering through the HTTP API: starts a conversation with a customer's mail, replies with If-Match, and
/// runs the outbound-email queue in order (the host's pump is off), as the queue trigger would.
/// </summary>
public sealed class ReplyDriver(TestHost host)
{
    public const string Customer = "Dana Customer <dana@example.com>";

    public InboundDriver Mail { get; } = new(host);

    /// <summary>A customer's mail to support@, processed: its conversation id.</summary>
    public async Task<string> StartConversationAsync(string subject = "Printer jams", TestEmail? email = null)
    {
        var response = await Mail.PostMimeAsync((email ?? new TestEmail(Customer, "support@acme.test", subject, "It jams on every page.")).ToBytes());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Mail.ProcessQueuedAsync();
        return (await Mail.SingleConversationAsync()).Str("id");
    }

    public async Task<(JsonElement Conversation, string ETag)> GetAsync(string id, string key = TestHost.ApiKey)
    {
        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{id}")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.ToString());
    }

    public Task<HttpResponseMessage> ReplyAsync(string id, object body, string? ifMatch, string key = TestHost.ApiKey, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{id}/replies")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
            Content = JsonContent.Create(body),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return host.Client.SendAsync(request);
    }

    /// <summary>Replies with the current ETag and checks it was accepted; the message as answered.</summary>
    public async Task<JsonElement> ReplyAcceptedAsync(string id, object body, string key = TestHost.ApiKey)
    {
        var (_, etag) = await GetAsync(id);
        var response = await ReplyAsync(id, body, etag, key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> PostAsync(string path, string key = TestHost.ApiKey) =>
        host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) } });

    /// <summary>An API key acting as an agent named <paramref name="name"/> with <paramref name="role"/>.</summary>
    public async Task<string> ApiKeyAsync(string name, string role)
    {
        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/api-keys")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey) },
            Content = JsonContent.Create(new { name, role }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("key");
    }

    /// <summary>
    /// Runs the visible outbound-email messages one at a time, then the domain events. Messages re-queued with a delay
    /// stay for a later call (or <see cref="DeliverUntilSettledAsync"/>).
    /// </summary>
    public async Task<int> DeliverQueuedAsync()
    {
        var handler = host.Services.GetRequiredService<DeliverOutboundEmail>();
        var queue = host.Storage.Queue(QueueNames.OutboundEmail);
        var handled = 0;
        while ((await queue.ReceiveMessagesAsync(1)).Value is { Length: > 0 } batch)
        {
            await handler.HandleAsync(batch[0].Body.ToString());
            await queue.DeleteMessageAsync(batch[0].MessageId, batch[0].PopReceipt);
            handled++;
        }
        await Mail.ProcessQueuedAsync();
        return handled;
    }

    /// <summary>Delivers until no message is waiting, visible or delayed (retries use short delays in these tests).</summary>
    public async Task DeliverUntilSettledAsync(TimeSpan timeout)
    {
        var queue = host.Storage.Queue(QueueNames.OutboundEmail);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await DeliverQueuedAsync();
            var properties = await queue.GetPropertiesAsync();
            if (properties.Value.ApproximateMessagesCount == 0) return;
            Assert.True(DateTime.UtcNow < deadline, "outbound-email still holds messages");
            await Task.Delay(250);
        }
    }

    public async Task<int> QueuedOutboundAsync() =>
        (await host.Storage.Queue(QueueNames.OutboundEmail).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>The mail sink's messages (newest first), each with its headers.</summary>
    public async Task<List<JsonElement>> SinkAsync()
    {
        var list = await (await Mail.GetAsync("/api/dev/mail")).Content.ReadFromJsonAsync<JsonElement>();
        var result = new List<JsonElement>();
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            result.Add(await (await Mail.GetAsync($"/api/dev/mail/{item.Str("id")}")).Content.ReadFromJsonAsync<JsonElement>());
        }
        return result;
    }

    public static JsonElement Message(JsonElement conversation, string id) =>
        conversation.Messages().Single(m => m.Str("id") == id);
}
