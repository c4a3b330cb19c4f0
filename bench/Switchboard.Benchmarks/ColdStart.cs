using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Benchmarks;

/// <summary>
/// Cold start of the app's process: from starting a fresh <c>dotnet</c> process of the local host (the same Functions
/// assembly, DI registrations and storage clients the worker loads) to its first answers: <c>/api/health</c> (storage
/// reached) and <c>/</c> (the agent app's page). The Functions host's own start and the platform's instance allocation
/// come on top in Azure and cannot be measured here.
/// </summary>
public static class ColdStart
{
    public static async Task<int> RunAsync(int runs)
    {
        var azurite = await Azurite.GetAsync();
        var dll = Path.Combine(RepositoryRoot.Path, "functions", "Switchboard.LocalHost", "bin", "Release", "net10.0", "Switchboard.LocalHost.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"Build the local host first: dotnet build -c Release functions/Switchboard.LocalHost ({dll} is missing).");
            return 1;
        }

        if (!File.Exists(Path.Combine(RepositoryRoot.Path, "web", "dist", "index.html")))
        {
            Console.Error.WriteLine("Build the web app first: npm --prefix web ci && npm --prefix web run build.");
            return 1;
        }

        var health = new List<double>();
        var page = new List<double>();
        var memory = new List<double>();
        for (var run = 0; run < runs + 1; run++)
        {
            var (toHealth, toPage, workingSet) = await OnceAsync(dll, azurite.ConnectionString);
            if (run == 0)
            {
                continue; // the first start also fills the OS file cache
            }
            health.Add(toHealth);
            page.Add(toPage);
            memory.Add(workingSet);
        }

        Console.WriteLine($"Cold start of the local host process, {runs} runs (after one warm-up start), Release build:");
        Console.WriteLine("| Measure | min | median | max |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Row("start → first 200 from /api/health (ms)", health);
        Row("start → first 200 from / (ms)", page);
        Row("working set at first answer (MB)", memory);
        return 0;
    }

    private static async Task<(double Health, double Page, double WorkingSetMb)> OnceAsync(string dll, string storage)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" }, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AzureWebJobsStorage"] = storage;
        start.Environment["Storage__NamePrefix"] = "cold" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        start.Environment["Mail__Mailboxes__0"] = "support@acme.test";
        start.Environment["Inbound__WebhookSecret"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        start.Environment["Auth__BootstrapApiKey"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        start.Environment["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var toHealth = await FirstOkAsync(http, "/api/health", clock);
            var toPage = await FirstOkAsync(http, "/", clock);
            process.Refresh();
            return (toHealth, toPage, process.WorkingSet64 / 1024.0 / 1024.0);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<double> FirstOkAsync(HttpClient http, string path, Stopwatch clock)
    {
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed.TotalMilliseconds;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"{path} did not answer 200 within 2 minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Row(string name, List<double> values)
    {
        values.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {values[0]:F0} | {values[values.Count / 2]:F0} | {values[^1]:F0} |"));
    }
}
