using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Events;
using Switchboard.Handlers.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Inbound;

/// <summary>
/// Sends mail in through the HTTP webhooks and reads conversations back through the HTTP API, as a mail provider and
/// an agent would. <see cref="ProcessQueuedAsync"/> runs the queue handlers in the order the messages were queued, so
/// that a test decides the order of arrival.
/// </summary>
public sealed class InboundDriver(TestHost host)
{
    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, "TestData", "Inbound", relativePath);

    public static byte[] FixtureBytes(string relativePath) => File.ReadAllBytes(Fixture(relativePath));

    public async Task<HttpResponseMessage> PostMimeAsync(byte[] raw, string? envelopeTo = null, string? key = TestHost.WebhookSecret)
    {
        var url = "/api/inbound/mime" + (key is null ? "" : $"?key={Uri.EscapeDataString(key)}")
            + (envelopeTo is null ? "" : $"{(key is null ? "?" : "&")}to={Uri.EscapeDataString(envelopeTo)}");
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return await host.Client.PostAsync(url, content);
    }

    /// <summary>Posts one raw message and checks it was accepted.</summary>
    public async Task DeliverRawAsync(byte[] raw)
    {
        var response = await PostMimeAsync(raw);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts each fixture and checks it was accepted.</summary>
    public async Task DeliverAsync(params string[] fixtures)
    {
        foreach (var fixture in fixtures)
        {
            var response = await PostMimeAsync(FixtureBytes(fixture));
            Assert.True(response.IsSuccessStatusCode, $"{fixture}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Processes every queued inbound message, then every domain event, one at a time and in order.</summary>
    public async Task ProcessQueuedAsync()
    {
        await DrainAsync(QueueNames.InboundEmail, host.Services.GetRequiredService<ProcessInboundEmail>().HandleAsync);
        await DrainAsync(QueueNames.DomainEvents, host.Services.GetRequiredService<DispatchDomainEvent>().HandleAsync);
    }

    /// <summary>
    /// Processes the queued inbound messages only. Without <paramref name="countQueueHousekeeping"/>, the receive and
    /// delete of each queue message (the trigger's work, not ours) bypass the app's storage clients.
    /// </summary>
    public async Task ProcessInboundOnlyAsync(bool countQueueHousekeeping)
    {
        var queue = countQueueHousekeeping
            ? host.Storage.Queue(QueueNames.InboundEmail)
            : new Azure.Storage.Queues.QueueClient((await Azurite.GetAsync()).ConnectionString, host.Storage.Names.Queue(QueueNames.InboundEmail),
                new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        var handler = host.Services.GetRequiredService<ProcessInboundEmail>();
        while ((await queue.ReceiveMessagesAsync(1)).Value is { Length: > 0 } batch)
        {
            await handler.HandleAsync(batch[0].Body.ToString());
            await queue.DeleteMessageAsync(batch[0].MessageId, batch[0].PopReceipt);
        }
    }

    /// <summary>Processes every queued inbound message at the same time (at most <paramref name="maxConcurrency"/> at once), as a scaled-out host would.</summary>
    public async Task ProcessQueuedConcurrentlyAsync(int maxConcurrency = int.MaxValue)
    {
        using var slots = new SemaphoreSlim(Math.Min(maxConcurrency, 1000));
        var queue = host.Storage.Queue(QueueNames.InboundEmail);
        var handler = host.Services.GetRequiredService<ProcessInboundEmail>();
        var messages = new List<Azure.Storage.Queues.Models.QueueMessage>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            messages.AddRange(batch);
        }
        // A message whose handler throws (e.g. it lost a race to a related one) is retried, as the queue would after its
        // visibility timeout.
        var pending = messages;
        var lastErrors = new Dictionary<string, Exception>();
        for (var round = 0; round < 5 && pending.Count > 0; round++)
        {
            var failed = new System.Collections.Concurrent.ConcurrentDictionary<Azure.Storage.Queues.Models.QueueMessage, Exception>();
            await Task.WhenAll(pending.Select(m => Task.Run(async () =>
            {
                await slots.WaitAsync();
                try { await handler.HandleAsync(m.Body.ToString()); }
                catch (Exception e) { failed[m] = e; }
                finally { slots.Release(); }
            })));
            pending = [.. failed.Keys];
            lastErrors = failed.ToDictionary(f => f.Key.MessageId, f => f.Value);
        }
        Assert.True(pending.Count == 0, $"{pending.Count} inbound message(s) still failed after 5 tries; the last errors:{Environment.NewLine}"
            + string.Join(Environment.NewLine, lastErrors.Select(e => $"{e.Key}: {e.Value}")));
        foreach (var message in messages)
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
    }

    public async Task DrainAsync(string queueName, Func<string, CancellationToken, Task> handle)
    {
        var queue = host.Storage.Queue(queueName);
        while ((await queue.ReceiveMessagesAsync(1)).Value is { Length: > 0 } batch)
        {
            await handle(batch[0].Body.ToString(), CancellationToken.None);
            await queue.DeleteMessageAsync(batch[0].MessageId, batch[0].PopReceipt);
        }
    }

    public Task<HttpResponseMessage> GetAsync(string path) => host.Client.SendAsync(Authorized(HttpMethod.Get, path));

    public async Task<JsonElement> ListAsync(string query = "")
    {
        var response = await GetAsync("/api/conversations" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every conversation in the inbox (all pages) with its full detail.</summary>
    public async Task<List<JsonElement>> AllConversationsAsync(string status = "open")
    {
        var result = new List<JsonElement>();
        string? token = null;
        do
        {
            var page = await ListAsync($"?status={status}&limit=100" + (token is null ? "" : $"&continuationToken={token}"));
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                result.Add(await ConversationAsync(item.GetProperty("id").GetString()!));
            }
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return result;
    }

    public async Task<JsonElement> ConversationAsync(string id)
    {
        var response = await GetAsync($"/api/conversations/{id}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The one conversation in the inbox; fails if there is not exactly one.</summary>
    public async Task<JsonElement> SingleConversationAsync() => Assert.Single(await AllConversationsAsync());

    private static HttpRequestMessage Authorized(HttpMethod method, string path) => new(method, path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey) },
    };
}

public static class ConversationJson
{
    public static JsonElement[] Messages(this JsonElement conversation) => [.. conversation.GetProperty("messages").EnumerateArray()];

    public static string[] Flags(this JsonElement message) => [.. message.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!)];

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
