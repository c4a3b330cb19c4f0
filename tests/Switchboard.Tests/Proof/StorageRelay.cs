using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Switchboard.Tests.Proof;

/// <summary>
/// A loopback TCP relay in front of each of Azurite's three services, so a test can take storage away from a host
/// and give it back: while <see cref="Down"/>, open connections are cut and new ones are closed as soon as they are
/// accepted, as when the storage account is unreachable. Dispose it to stop relaying.
/// </summary>
public sealed partial class StorageRelay : IAsyncDisposable
{
    private readonly List<TcpListener> listeners = [];
    private readonly List<TcpClient> open = [];
    private readonly CancellationTokenSource stop = new();
    private volatile bool down;

    private StorageRelay(string connectionString)
    {
        ConnectionString = Endpoint().Replace(connectionString, m =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            listeners.Add(listener);
            _ = AcceptAsync(listener, int.Parse(m.Groups["port"].Value));
            return $"{m.Groups["name"].Value}=http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        });
    }

    /// <summary>The same account as the one relayed, through the relay.</summary>
    public string ConnectionString { get; }

    public bool Down
    {
        get => down;
        set
        {
            down = value;
            if (value)
            {
                lock (open)
                {
                    foreach (var client in open) client.Dispose();
                    open.Clear();
                }
            }
        }
    }

    public static StorageRelay For(string connectionString) => new(connectionString);

    private async Task AcceptAsync(TcpListener listener, int targetPort)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            if (down)
            {
                client.Client.LingerState = new LingerOption(true, 0); // a reset, not a clean close
                client.Dispose();
                continue;
            }
            _ = RelayAsync(client, targetPort);
        }
    }

    private async Task RelayAsync(TcpClient client, int targetPort)
    {
        var target = new TcpClient();
        lock (open)
        {
            open.Add(client);
            open.Add(target);
        }
        try
        {
            await target.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
            var a = client.GetStream();
            var b = target.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, stop.Token), b.CopyToAsync(a, stop.Token));
        }
        catch (Exception)
        {
            // Cut by Down or by the end of the test: the host sees a broken connection, which is the point.
        }
        finally
        {
            lock (open)
            {
                open.Remove(client);
                open.Remove(target);
            }
            client.Dispose();
            target.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        foreach (var listener in listeners) listener.Stop();
        Down = true;
        stop.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"(?<name>BlobEndpoint|QueueEndpoint|TableEndpoint)=http://127\.0\.0\.1:(?<port>\d+)/")]
    private static partial Regex Endpoint();
}
