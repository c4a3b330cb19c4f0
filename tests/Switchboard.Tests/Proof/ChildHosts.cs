namespace Switchboard.Tests.Proof;

/// <summary>
/// The local host as a child process (<see cref="CrashTests.StartChildAsync"/>) that a test SIGKILLs and starts again
/// on the same storage while its callers go on: they wait in <see cref="CurrentAsync"/> for the next host, and get
/// null once the last kill is done.
/// </summary>
internal sealed class ChildHosts(Func<Task<CrashTests.Child>> start, Action<HttpClient>? configure = null) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<Live> started = [];
    private Task<Live?> current = Task.FromResult<Live?>(null);
    private int kills;

    internal sealed record Live(CrashTests.Child Child, HttpClient Client);

    public int Kills
    {
        get { lock (gate) return kills; }
    }

    public async Task StartAsync()
    {
        var first = await StartLiveAsync();
        lock (gate) current = Task.FromResult<Live?>(first);
    }

    public Task<Live?> CurrentAsync()
    {
        lock (gate) return current;
    }

    /// <summary>
    /// SIGKILLs <paramref name="live"/> if it is still the current host (else another caller already did: false), then
    /// starts the next one unless this was kill number <paramref name="totalKills"/>.
    /// </summary>
    public async Task<bool> KillAsync(Live live, int totalKills)
    {
        TaskCompletionSource<Live?> next;
        bool restart;
        lock (gate)
        {
            if (!current.IsCompletedSuccessfully || current.Result != live || kills >= totalKills)
            {
                return false;
            }
            next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            current = next.Task;
            restart = ++kills < totalKills;
        }
        live.Child.Process.Kill(); // SIGKILL on Linux
        await live.Child.Process.WaitForExitAsync();
        try
        {
            next.SetResult(restart ? await StartLiveAsync() : null);
        }
        catch (Exception e)
        {
            next.SetException(e);
            throw;
        }
        return true;
    }

    private async Task<Live> StartLiveAsync()
    {
        var child = await start();
        var client = new HttpClient { BaseAddress = child.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        configure?.Invoke(client);
        var live = new Live(child, client);
        lock (gate) started.Add(live);
        return live;
    }

    public ValueTask DisposeAsync()
    {
        lock (gate)
        {
            foreach (var live in started)
            {
                live.Client.Dispose();
                live.Child.Dispose();
            }
            started.Clear();
        }
        return ValueTask.CompletedTask;
    }
}
