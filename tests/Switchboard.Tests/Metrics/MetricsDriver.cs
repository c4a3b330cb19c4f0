using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Events;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Metrics;

/// <summary>Reads the metrics API as an agent, and runs the domain-events queue by hand (optionally twice per message, as a redelivery would).</summary>
public sealed class MetricsDriver(TestHost host)
{
    public async Task<JsonElement> GetAsync(string query)
    {
        var response = await SendAsync("/api/metrics" + query);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> SendAsync(string path) =>
        host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey) } });

    /// <summary>Handles every queued domain event <paramref name="times"/> times before deleting it; returns how many there were.</summary>
    public async Task<int> DispatchEventsAsync(int times = 1)
    {
        var queue = host.Storage.Queue(QueueNames.DomainEvents);
        var handler = host.Services.GetRequiredService<DispatchDomainEvent>();
        var count = 0;
        while ((await queue.ReceiveMessagesAsync(1)).Value is { Length: > 0 } batch)
        {
            for (var i = 0; i < times; i++)
            {
                await handler.HandleAsync(batch[0].Body.ToString());
            }
            await queue.DeleteMessageAsync(batch[0].MessageId, batch[0].PopReceipt);
            count++;
        }
        return count;
    }
}
