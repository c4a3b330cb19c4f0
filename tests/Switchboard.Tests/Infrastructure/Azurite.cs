using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite for the whole test run, on ports the OS picks, stopped when the run ends.
/// Tests share it and keep apart by giving every table, queue and container a unique prefix (see <see cref="TestHost"/>).
/// </summary>
public sealed partial class Azurite
{
    /// <summary>The well-known key of Azurite's development account (public, not a secret).</summary>
    public const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Lazy<Task<Azurite>> Shared = new(StartAsync);

    private readonly Process process;

    private Azurite(Process process, string connectionString)
    {
        this.process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static Task<Azurite> GetAsync() => Shared.Value;

    private static Task<Azurite> StartAsync() => StartAsync(location: null, fixedPorts: null);

    /// <summary>
    /// An Azurite of a test's own that keeps its data in <paramref name="location"/> (not in memory), on
    /// <paramref name="ports"/> when given (a restart on the same ones); dispose or <see cref="StopAsync"/> it.
    /// </summary>
    public static Task<Azurite> StartPersistentAsync(string location, (int Blob, int Queue, int Table)? ports = null) => StartAsync(location, ports);

    public (int Blob, int Queue, int Table) Ports { get; private init; }

    /// <summary>Stops it as a service manager would: SIGTERM, then waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            _ = Kill(process.Id, 15);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static async Task<Azurite> StartAsync(string? location, (int Blob, int Queue, int Table)? fixedPorts)
    {
        var root = RepositoryRoot.Path;
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}. Run 'npm ci' in {root} (./scripts/test.sh does it).");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                             "--blobPort", $"{fixedPorts?.Blob ?? 0}", "--queuePort", $"{fixedPorts?.Queue ?? 0}", "--tablePort", $"{fixedPorts?.Table ?? 0}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };

        var ports = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } m)
            {
                lock (ports)
                {
                    ports[m.Groups["service"].Value] = int.Parse(m.Groups["port"].Value);
                    if (ports.Count == 3) ready.TrySetResult();
                }
            }
        };
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (finished != ready.Task)
        {
            throw new InvalidOperationException($"Azurite did not start within 90 seconds: {errors}");
        }

        string Endpoint(string service) => $"http://127.0.0.1:{ports[service]}/devstoreaccount1";
        return new Azurite(process,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
            $"BlobEndpoint={Endpoint("Blob")};QueueEndpoint={Endpoint("Queue")};TableEndpoint={Endpoint("Table")};")
        {
            Ports = (ports["Blob"], ports["Queue"], ports["Table"]),
        };
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
