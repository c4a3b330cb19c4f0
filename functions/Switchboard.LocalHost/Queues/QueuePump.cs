using Microsoft.Extensions.Options;
using Switchboard.Handlers.Telemetry;
using Switchboard.Storage.Account;

namespace Switchboard.LocalHost.Queues;

/// <summary>
/// The local host's stand-in for the Functions queue trigger: one <see cref="QueueListener"/> per registered
/// <see cref="IQueueHandler"/>. On stop it receives no more messages and lets the handlers in flight finish; when
/// the host's shutdown timeout runs out it cancels them, and their messages are released (visible again at once),
/// neither deleted nor counted towards the poison queue.
/// </summary>
public sealed class QueuePump(
    IEnumerable<IQueueHandler> handlers,
    StorageAccount account,
    IConfiguration configuration,
    IOptions<QueuePumpOptions> options,
    TimeProvider time,
    SwitchboardMetrics metrics,
    ILoggerFactory loggers,
    ClientOptionsHook? hook = null) : BackgroundService
{
    /// <summary>How long cancelled handlers get to return and release their messages after the shutdown timeout.</summary>
    public static readonly TimeSpan ReleaseGrace = TimeSpan.FromSeconds(5);

    private readonly ILogger logger = loggers.CreateLogger<QueuePump>();
    private readonly CancellationTokenSource abort = new();
    private IReadOnlyList<QueueListener> listeners = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var all = handlers.ToList();
        var shared = all.GroupBy(h => h.QueueName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            throw new InvalidOperationException(
                $"Queue '{shared.Key}' has more than one handler ({string.Join(", ", shared.Select(h => h.GetType().Name))}); each queue needs exactly one.");
        }

        var listenerLogger = loggers.CreateLogger<QueueListener>();
        var storage = all.Count == 0 ? account : PumpStorage.Create(configuration, account.Names, hook, metrics, listenerLogger);
        listeners = all.Select(h => new QueueListener(h, storage, options.Value, time, metrics, listenerLogger)).ToList();
        if (listeners.Count > 0)
        {
            QueuePumpLog.Listening(logger, listeners.Count, string.Join(", ", listeners.Select(l => l.QueueName)));
        }
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(listeners.Select(l => Task.Run(() => l.RunAsync(stoppingToken, abort.Token), CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Returns once the listeners have drained, or when the host's shutdown timeout cancels the token.
        await base.StopAsync(cancellationToken);

        if (ExecuteTask is { IsCompleted: false } running)
        {
            QueuePumpLog.ShutdownTimeout(logger);
            await abort.CancelAsync();
            // Wall-clock, like the host's shutdown timeout it follows: a fake clock must not hold up a shutdown.
            await running.WaitAsync(ReleaseGrace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!running.IsCompleted)
            {
                QueuePumpLog.HandlersIgnoredCancellation(logger, ReleaseGrace);
                return;
            }
        }
        QueuePumpLog.Stopped(logger);
    }

    public override void Dispose()
    {
        abort.Dispose();
        base.Dispose();
    }
}
