using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.LocalHost.Queues;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Queues;

public sealed class QueuePumpTests
{
    private const string QueueName = "pump-test";

    private static Dictionary<string, string?> FastQueues(int maxDequeueCount = 3) => new()
    {
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
        ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.100",
        ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = maxDequeueCount.ToString(),
    };

    private static Task<TestHost> StartWithAsync(IQueueHandler handler, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        TestHost.StartAsync(settings ?? FastQueues(), s =>
        {
            s.AddSingleton(handler);
            services?.Invoke(s);
        });

    [Fact]
    public async Task Message_that_succeeds_is_handled_once_with_its_decoded_text_and_deleted()
    {
        var handler = new ScriptedQueueHandler(QueueName);
        await using var host = await StartWithAsync(handler);
        const string text = "Grüße from the queue ✓";
        // A plain client, so the base64 on the wire is written here rather than by the product's own clients.
        var raw = new QueueClient((await Azurite.GetAsync()).ConnectionString, host.Storage.Queue(QueueName).Name);
        await raw.CreateIfNotExistsAsync();
        await raw.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));

        Assert.True(await Eventually.TrueAsync(async () => handler.Attempts == 1 && await raw.CountAsync() == 0), "message was not handled and deleted");

        Assert.Equal([text], handler.Received);
        Assert.Equal(0, await host.Storage.Poison(QueueName).CountAsync());
    }

    [Fact]
    public async Task Message_whose_handler_fails_twice_is_retried_and_handled_on_the_third_try()
    {
        var handler = new ScriptedQueueHandler(QueueName, (attempt, _) =>
            attempt <= 2 ? throw new InvalidOperationException($"transient failure {attempt}") : Task.CompletedTask);
        await using var host = await StartWithAsync(handler);

        var queue = await host.Storage.SendAsync(QueueName, "retry me");

        Assert.True(await Eventually.TrueAsync(async () => await queue.CountAsync() == 0), "message was not deleted");
        Assert.Equal(3, handler.Attempts);
        Assert.Equal(0, await host.Storage.Poison(QueueName).CountAsync());
    }

    [Fact]
    public async Task Message_whose_handler_always_fails_moves_to_the_poison_queue_after_maxDequeueCount_tries()
    {
        var handler = new ScriptedQueueHandler(QueueName, (_, _) => throw new InvalidOperationException("always broken"));
        await using var host = await StartWithAsync(handler, FastQueues(maxDequeueCount: 3));
        var poison = host.Storage.Poison(QueueName);

        var queue = await host.Storage.SendAsync(QueueName, "{\"id\":\"m-1\"}");

        Assert.True(await Eventually.TrueAsync(async () => await poison.CountAsync() == 1), "message never reached the poison queue");
        Assert.Equal(3, handler.Attempts);
        Assert.Equal(0, await queue.CountAsync());
        var poisoned = (await poison.PeekMessagesAsync()).Value.Single();
        Assert.Equal("{\"id\":\"m-1\"}", poisoned.Body.ToString());
    }

    [Fact]
    public async Task Message_already_dequeued_more_than_maxDequeueCount_times_goes_to_poison_without_running()
    {
        // As after a host that crashed mid-run again and again: the message was received 3 times and never completed.
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var stale = new QueueClient((await Azurite.GetAsync()).ConnectionString, $"{prefix}-{QueueName}",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await stale.CreateAsync();
        await stale.SendMessageAsync("crashed the host");
        for (var i = 0; i < 3; i++)
        {
            var received = (await stale.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
            await stale.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }
        var handler = new ScriptedQueueHandler(QueueName);
        var settings = FastQueues(maxDequeueCount: 3);
        settings["Storage:NamePrefix"] = prefix;

        await using var host = await StartWithAsync(handler, settings);
        var poison = host.Storage.Poison(QueueName);

        Assert.True(await Eventually.TrueAsync(async () => await poison.CountAsync() == 1), "message never reached the poison queue");
        // Moving is add-then-delete: the original may still be there a moment after its copy is in the poison queue.
        Assert.True(await Eventually.TrueAsync(async () => await stale.CountAsync() == 0), "the original stayed in its queue");
        Assert.Equal(0, handler.Attempts);
        Assert.Equal("crashed the host", (await poison.PeekMessagesAsync()).Value.Single().Body.ToString());
    }

    [Fact]
    public async Task Message_of_a_handler_running_longer_than_the_receive_visibility_is_not_handled_twice()
    {
        var handler = new ScriptedQueueHandler(QueueName, (_, ct) => Task.Delay(TimeSpan.FromSeconds(4.5), ct));
        var settings = FastQueues();
        settings["LocalHost:Queues:ReceiveVisibility"] = "00:00:02";
        await using var host = await StartWithAsync(handler, settings);

        var queue = await host.Storage.SendAsync(QueueName, "slow work");

        Assert.True(await Eventually.TrueAsync(async () => await queue.CountAsync() == 0), "message was not deleted");
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Handler_blocked_when_the_host_stops_leaves_its_message_visible_in_the_queue()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancellation = false;
        var handler = new ScriptedQueueHandler(QueueName, async (_, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                sawCancellation = ct.IsCancellationRequested;
            }
        });
        var host = await StartWithAsync(handler, services: s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)));
        var queue = await host.Storage.SendAsync(QueueName, "half done");
        var poison = host.Storage.Poison(QueueName);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await host.DisposeAsync();

        Assert.True(sawCancellation);
        var left = (await queue.PeekMessagesAsync()).Value.Single();
        Assert.Equal("half done", left.Body.ToString());
        Assert.Equal(1, left.DequeueCount);
        Assert.Equal(0, await poison.CountAsync());
    }

    [Fact]
    public async Task Handler_running_when_the_host_stops_may_finish_and_its_message_is_deleted()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        var handler = new ScriptedQueueHandler(QueueName, async (_, _) =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromMilliseconds(700), CancellationToken.None);
            finished = true;
        });
        var host = await StartWithAsync(handler, services: s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10)));
        var queue = await host.Storage.SendAsync(QueueName, "nearly done");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await host.DisposeAsync();

        Assert.True(finished);
        Assert.Equal(0, await queue.CountAsync());
    }

    [Fact]
    public async Task Unreachable_storage_does_not_stop_the_host_and_the_pump_stops_cleanly()
    {
        var deadPort = FreePort();
        var unreachable = (await Azurite.GetAsync()).ConnectionString.Split(';')
            .Select(part => part.Contains("Endpoint=", StringComparison.Ordinal) ? $"{part[..part.IndexOf('=')]}=http://127.0.0.1:{deadPort}/devstoreaccount1" : part);
        var handler = new ScriptedQueueHandler(QueueName);
        var host = await TestHost.StartAsync(FastQueues(), s =>
        {
            s.AddSingleton<IQueueHandler>(handler);
            // No SDK retries, so that every poll fails at once and the pump's own back-off is what keeps it going.
            s.AddSingleton<Storage.Account.ClientOptionsHook>(options => options.Retry.MaxRetries = 0);
        }, connectionString: string.Join(';', unreachable));
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the host stopped by itself");
        var stop = System.Diagnostics.Stopwatch.StartNew();
        await host.DisposeAsync();
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stop.Elapsed}");
        Assert.Equal(0, handler.Attempts);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Message_that_is_not_base64_goes_to_poison_and_does_not_block_the_queue()
    {
        var handler = new ScriptedQueueHandler(QueueName);
        await using var host = await StartWithAsync(handler);
        var raw = new QueueClient((await Azurite.GetAsync()).ConnectionString, host.Storage.Queue(QueueName).Name);
        await raw.CreateIfNotExistsAsync();
        await raw.SendMessageAsync("not base64 at all!");
        await host.Storage.SendAsync(QueueName, "a good one");

        Assert.True(await Eventually.TrueAsync(() => handler.Received.Contains("a good one")), "the good message was not handled");
        var poison = host.Storage.Poison(QueueName);
        Assert.True(await Eventually.TrueAsync(async () => await poison.CountAsync() == 1), "the bad message did not reach the poison queue");
        Assert.Equal(0, await raw.CountAsync());
        Assert.Equal("not base64 at all!", (await poison.PeekMessagesAsync()).Value.Single().Body.ToString());
        Assert.Equal(["a good one"], handler.Received);
    }

    [Fact]
    public async Task Two_handlers_for_one_queue_stop_the_host_from_starting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(FastQueues(), s =>
        {
            s.AddSingleton<IQueueHandler>(new ScriptedQueueHandler(QueueName));
            s.AddSingleton<IQueueHandler>(new ScriptedQueueHandler(QueueName));
        }));

        Assert.Contains(QueueName, error.Message);
    }
}
