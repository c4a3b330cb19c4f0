using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Storage.Account;

/// <summary>
/// Creates the tables, queues and containers of <see cref="StorageLayout"/> once storage answers. It keeps trying
/// in the background rather than failing start-up, so the host (and its health endpoint) comes up while Azurite
/// or the network is still starting.
/// </summary>
public sealed class StorageProvisioner(StorageAccount account, TimeProvider time, ILogger<StorageProvisioner> logger) : BackgroundService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every table, queue and container exists.</summary>
    public Task Ready => ready.Task;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(
            StorageLayout.Tables.Select(t => account.Table(t).CreateIfNotExistsAsync(cancellationToken))
                .Concat<Task>(StorageLayout.Queues.Select(q => account.Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
                .Concat(StorageLayout.Containers.Select(c => account.Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureCreatedAsync(stoppingToken);
                ready.TrySetResult();
                return;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or IOException)
            {
                logger.LogWarning("Storage is not reachable yet ({Message}); retrying in {Delay}.", e.Message, delay);
            }
            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }
}
