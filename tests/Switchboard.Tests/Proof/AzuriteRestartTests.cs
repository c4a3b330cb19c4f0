using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Team;
using Switchboard.Storage.Account;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Proof;

/// <summary>
/// Azurite keeping its data on disk (<c>--location</c>, not in memory) is stopped with SIGTERM in the middle of
/// ingestion and started again on the same ports and location, as a storage restart would. Every acknowledged message
/// (and every refused one, posted again) must end in its thread exactly once. SIGKILL is not tested: Azurite does not
/// promise to have flushed what it acknowledged (docs/reliability.md).
/// </summary>
public sealed class AzuriteRestartTests
{
    [Fact]
    public async Task Storage_restarted_on_its_persistent_location_mid_ingestion_keeps_every_acknowledged_message()
    {
        var location = Directory.CreateTempSubdirectory("switchboard-azurite-").FullName;
        var azurite = await Azurite.StartPersistentAsync(location);
        try
        {
            await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
            {
                ["LocalHost:Queues:ReceiveVisibility"] = "00:00:05",
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:01",
                ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:05", // retries within the test's minute
            }, connectionString: azurite.ConnectionString);
            await host.Services.GetRequiredService<StorageProvisioner>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
            await host.Services.GetRequiredService<FirstAdminSeeder>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
            var driver = new InboundDriver(host);
            var emails = StorageDownTests.Threads();

            var answered = 0;
            var refused = new ConcurrentBag<TestEmail>();
            var restartDue = new TaskCompletionSource();
            var pending = new ConcurrentQueue<TestEmail>(emails);
            async Task SendAsync()
            {
                while (pending.TryDequeue(out var email))
                {
                    var response = await driver.PostMimeAsync(email.ToBytes());
                    if (response.StatusCode != HttpStatusCode.Accepted)
                    {
                        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                        refused.Add(email);
                    }
                    if (Interlocked.Increment(ref answered) == 12) restartDue.TrySetResult();
                    await Task.Delay(100);
                }
            }
            var restart = Task.Run(async () =>
            {
                await restartDue.Task;
                var ports = azurite.Ports;
                await azurite.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(2));
                azurite = await Azurite.StartPersistentAsync(location, ports);
            });
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)));
            await restart;
            foreach (var email in refused)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await driver.PostMimeAsync(email.ToBytes())).StatusCode);
            }

            await StorageDownTests.AssertEveryThreadIsOneConversationAsync(driver, host.Storage, emails, $"{refused.Count} refused around the restart");
        }
        finally
        {
            await azurite.StopAsync();
            Directory.Delete(location, recursive: true);
        }
    }
}
