using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.LocalHost.Queues;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Queues;

public sealed class QueuePollingTests
{
    private const string QueueName = "idle-queue";

    [Fact]
    public async Task Idle_queue_is_polled_no_more_often_than_the_backoff_allows()
    {
        var receives = new ReceiveCounter(QueueName);
        var settings = new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
        };
        await using var host = await TestHost.StartAsync(settings, s =>
        {
            s.AddSingleton<IQueueHandler>(new ScriptedQueueHandler(QueueName));
            s.AddSingleton<ClientOptionsHook>(options => options.AddPolicy(receives, HttpPipelinePosition.PerRetry));
        });
        Assert.True(await Eventually.TrueAsync(() => receives.Count > 0), "the pump never polled");

        var before = receives.Count;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var polls = receives.Count - before;

        // Doubling from 100 ms (each wait within ±20%) to the 500 ms cap allows at most 3 + 3000/400 + 1 = 11
        // receives in 3 s; a fixed 100 ms poll would make about 30.
        Assert.InRange(polls, 3, 11);
    }

    /// <summary>Counts Get Messages requests (receives, not peeks) sent to one queue.</summary>
    private sealed class ReceiveCounter(string queueName) : HttpPipelineSynchronousPolicy
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override void OnSendingRequest(HttpMessage message)
        {
            var uri = message.Request.Uri;
            if (message.Request.Method == RequestMethod.Get
                && uri.Path.EndsWith($"-{queueName}/messages", StringComparison.Ordinal)
                && !uri.Query.Contains("peekonly", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref count);
            }
        }
    }
}
