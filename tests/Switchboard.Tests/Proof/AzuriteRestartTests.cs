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
/// promise to have flushed what it acknowledged (docs/reliability.md). <c>SWITCHBOARD_AZURITE_RESTARTS</c> asks for more
/// restarts in one ingestion (40 more messages each), spread evenly over it.
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
            var restarts = ProofScale.Get("SWITCHBOARD_AZURITE_RESTARTS", 1);
            var emails = StorageDownTests.Threads(threads: 10 * restarts);
            // The first after twelve answers (of 40), as the quick run always did; further ones evenly after that.
            var restartAfter = Enumerable.Range(0, restarts).Select(k => 12 + k * (emails.Count - 12) / restarts).ToList();

            var answered = 0;
            var refused = new ConcurrentBag<TestEmail>();
            var restartDue = restartAfter.Select(_ => new TaskCompletionSource()).ToList();
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
                    var count = Interlocked.Increment(ref answered);
                    for (var k = 0; k < restarts && count >= restartAfter[k]; k++)
                    {
                        restartDue[k].TrySetResult();
                    }
                    await Task.Delay(100);
                }
            }
            var restart = Task.Run(async () =>
            {
                foreach (var due in restartDue)
                {
                    await due.Task;
                    var ports = azurite.Ports;
                    await azurite.StopAsync();
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    azurite = await Azurite.StartPersistentAsync(location, ports);
                }
            });
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)));
            await restart;
            foreach (var email in refused)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await driver.PostMimeAsync(email.ToBytes())).StatusCode);
            }

            await StorageDownTests.AssertEveryThreadIsOneConversationAsync(driver, host.Storage, emails, $"{refused.Count} refused around {restarts} restart(s)",
                within: TimeSpan.FromSeconds(60 + Math.Max(0, emails.Count - 40)));
        }
        finally
        {
            await azurite.StopAsync();
            Directory.Delete(location, recursive: true);
        }
    }
}
