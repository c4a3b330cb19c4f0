using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Tests.Proof;

/// <summary>
/// The local host, run as its own process (<c>dotnet Switchboard.LocalHost.dll</c>), is SIGKILLed while four senders
/// post their messages and its queue pump works on them; after each kill but the last a new one starts on the same
/// storage prefix and the senders go on with what got no 202. A host started after the last kill must end with every
/// message in its thread exactly once. The test command posts 40 messages and kills once;
/// SWITCHBOARD_CRASH_MESSAGES (rounded up to four-message threads) and SWITCHBOARD_CRASH_KILLS ask for more.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Host_killed_mid_ingestion_loses_no_acknowledged_message_after_restart()
    {
        var kills = ProofScale.Get("SWITCHBOARD_CRASH_KILLS", 1);
        var emails = StorageDownTests.Threads(threads: (ProofScale.Get("SWITCHBOARD_CRASH_MESSAGES", 40, min: 4) + 3) / 4);
        if (emails.Count < 4 * (kills + 1))
        {
            throw new ArgumentException($"{emails.Count} messages are too few for {kills} kills: each host must get a few before it dies.");
        }
        var connectionString = (await Azurite.GetAsync()).ConnectionString;
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var acknowledged = new ConcurrentDictionary<string, TestEmail>();
        var killedAfter = new List<int>();

        await using (var hosts = new ChildHosts(() => StartChildAsync(connectionString, prefix)))
        {
            await hosts.StartAsync();
            var pending = new ConcurrentQueue<TestEmail>(emails);
            async Task SendAsync()
            {
                while (await hosts.CurrentAsync() is { } child && pending.TryDequeue(out var email))
                {
                    try
                    {
                        var content = new ByteArrayContent(email.ToBytes());
                        content.Headers.ContentType = new("message/rfc822");
                        var response = await child.Client.PostAsync($"/api/inbound/mime?key={TestHost.WebhookSecret}", content);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            acknowledged[email.MessageId] = email;
                            // Kill number k once k/(kills+1) of the messages are acknowledged: each mid-ingestion.
                            if (hosts.Kills < kills && acknowledged.Count >= (hosts.Kills + 1) * emails.Count / (kills + 1)
                                && await hosts.KillAsync(child, kills))
                            {
                                lock (killedAfter) killedAfter.Add(acknowledged.Count);
                            }
                            continue;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // The host is gone: no 202, so the sender posts it again (to the next host, or the last one).
                    }
                    pending.Enqueue(email);
                    await Task.Delay(100);
                }
            }
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)));
        }
        Assert.Equal(kills, killedAfter.Count);
        Assert.True(acknowledged.Count < emails.Count, $"all {emails.Count} acknowledged before the last kill: it missed the ingestion");

        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["LocalHost:Queues:ReceiveVisibility"] = "00:00:05",
            // A message that waited in vain for a related one is retried after 5 s, not host.json's 30 s: two such
            // tries must not outlast the test's minute.
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:05",
        }, prefix: prefix);
        var driver = new InboundDriver(host);
        foreach (var email in emails.Where(e => !acknowledged.ContainsKey(e.MessageId)))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await driver.PostMimeAsync(email.ToBytes())).StatusCode);
        }

        await StorageDownTests.AssertEveryThreadIsOneConversationAsync(driver, host.Storage, emails,
            $"{acknowledged.Count} of {emails.Count} acknowledged, killed after {string.Join(", ", killedAfter)}",
            within: TimeSpan.FromSeconds(60 + Math.Max(0, emails.Count - 40)));
        output.WriteLine($"{emails.Count} messages, {kills} kills after {string.Join(", ", killedAfter)} acknowledged; "
            + $"{acknowledged.Count} acknowledged before the last, the rest posted again: every thread one conversation.");
    }

    internal sealed record Child(Process Process, Uri BaseAddress) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill();
            Process.Dispose();
        }
    }

    /// <summary>The local host as a child process on a free loopback port, settings in its environment; once it answers.</summary>
    internal static async Task<Child> StartChildAsync(string connectionString, string prefix, IDictionary<string, string>? settings = null)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Switchboard.LocalHost.dll"), "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in TestHost.RequiredSettings(connectionString, prefix))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Auth__FirstAdminEmail"] = TestHost.FirstAdminEmail;
        start.Environment["LocalHost__Queues__Enabled"] = "true";
        start.Environment["LocalHost__Queues__ReceiveVisibility"] = "00:00:05";
        start.Environment["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:05";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new Child(process, new Uri($"http://127.0.0.1:{port}"));

        using var client = new HttpClient { BaseAddress = child.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var ready = await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/conversations");
                request.Headers.Authorization = new("Bearer", TestHost.ApiKey);
                return (await client.SendAsync(request)).IsSuccessStatusCode;
            }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(90));
        if (!ready)
        {
            child.Dispose();
            throw new InvalidOperationException($"The local host did not answer on port {port} within 90 s.");
        }
        return child;
    }
}
