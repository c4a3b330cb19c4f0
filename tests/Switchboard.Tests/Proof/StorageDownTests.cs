using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Handlers.Team;
using Switchboard.Storage.Account;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Proof;

/// <summary>
/// Storage goes away in the middle of ingestion (a relay between the host and Azurite cuts every connection) and comes
/// back. The webhooks answer 503 with a problem body while it is away, so the sender delivers again; once it is back,
/// the refused mail posted again and the queue pump left to run, every message is in its thread exactly once with its
/// raw mail. Storage is away for <see cref="QuickOutage"/> in the test command; SWITCHBOARD_STORAGE_DOWN_SECONDS=30
/// for the full 30 s.
/// </summary>
public sealed class StorageDownTests
{
    private static readonly TimeSpan QuickOutage = TimeSpan.FromSeconds(3);

    /// <summary>Ten threads of four: a customer writes and writes again three times, each a reply to the last.</summary>
    public static List<TestEmail> Threads(int threads = 10, int perThread = 4)
    {
        var mail = new List<TestEmail>();
        for (var t = 0; t < threads; t++)
        {
            string? previous = null;
            for (var i = 0; i < perThread; i++)
            {
                var email = new TestEmail($"customer{t}@example.com", "support@acme.test", (i == 0 ? "" : "Re: ") + $"Order {t} is late", $"Message {i} of thread {t}")
                {
                    InReplyTo = previous,
                    Date = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero).AddMinutes(i).AddSeconds(t),
                };
                mail.Add(email);
                previous = email.MessageId;
            }
        }
        return mail;
    }

    [Fact]
    public async Task Storage_down_during_ingestion_refuses_with_503_and_loses_nothing_once_back()
    {
        var outage = TimeSpan.FromSeconds(ProofScale.Get("SWITCHBOARD_STORAGE_DOWN_SECONDS", (int)QuickOutage.TotalSeconds));
        var logs = new CapturedLogs();
        await using var relay = StorageRelay.For((await Azurite.GetAsync()).ConnectionString);
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            // A handler cut off mid-way cannot hand its message back: it must reappear soon, not in ten minutes.
            ["LocalHost:Queues:ReceiveVisibility"] = "00:00:05",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:01",
            // A handler that failed while storage was away is retried after 5 s, not host.json's 30 s: two failed
            // tries must not outlast the test's minute.
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:05",
        }, services: s => s.AddSingleton<ILoggerProvider>(logs), connectionString: relay.ConnectionString);
        await host.Services.GetRequiredService<StorageProvisioner>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<FirstAdminSeeder>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        var driver = new InboundDriver(host);
        var emails = Threads();

        // Four senders post the 40 messages; storage goes away after the first dozen answers, for the outage.
        var answered = 0;
        var refused = new ConcurrentBag<TestEmail>();
        var outageOver = new TaskCompletionSource();
        var outageStarted = new TaskCompletionSource();
        var pending = new ConcurrentQueue<TestEmail>(emails);
        async Task SendAsync()
        {
            while (pending.TryDequeue(out var email))
            {
                var response = await driver.PostMimeAsync(email.ToBytes());
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.Equal(503, problem.GetProperty("status").GetInt32());
                    refused.Add(email);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: "
                        + string.Join(Environment.NewLine, logs.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Category}: {l.Message}")));
                }
                if (Interlocked.Increment(ref answered) == 12) outageStarted.TrySetResult();
                await Task.Delay(100);
            }
        }
        var outageTask = Task.Run(async () =>
        {
            await outageStarted.Task;
            relay.Down = true;
            await Task.Delay(outage);
            relay.Down = false;
            outageOver.SetResult();
        });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)));
        await outageTask;

        Assert.NotEmpty(refused); // else the outage missed the ingestion and the test proved nothing
        foreach (var email in refused)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await driver.PostMimeAsync(email.ToBytes())).StatusCode);
        }

        // The pump catches up: every message in its thread once, each with its raw mail.
        await AssertEveryThreadIsOneConversationAsync(driver, host.Storage, emails,
            $"{refused.Count} refused during a {outage.TotalSeconds} s outage", () => ErrorLines(logs));
        foreach (var conversation in await driver.AllConversationsAsync())
        {
            foreach (var message in conversation.Messages())
            {
                var raw = await host.Client.GetByteArrayAsync(message.Str("rawUrl"));
                Assert.Contains(message.Str("messageId"), System.Text.Encoding.UTF8.GetString(raw));
            }
        }
    }

    public static string ErrorLines(CapturedLogs logs) => string.Join(Environment.NewLine,
        logs.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => $"{l.Category}: {l.Message}").Distinct().Take(60));

    /// <summary>
    /// Waits up to 60 s (or <paramref name="within"/>) for every sender's thread to be one open conversation holding
    /// its messages once, in order; else fails with <paramref name="context"/>, what was found, the thread keys and
    /// heads, and <paramref name="more"/>.
    /// </summary>
    internal static async Task AssertEveryThreadIsOneConversationAsync(InboundDriver driver, StorageAccount storage, IReadOnlyList<TestEmail> emails,
        string context, Func<string>? more = null, TimeSpan? within = null)
    {
        var expected = emails.GroupBy(e => e.From).Select(g => string.Join(" ", g.Select(e => e.MessageId))).Order(StringComparer.Ordinal).ToList();
        List<string> actual = [];
        var done = await Eventually.TrueAsync(async () =>
        {
            actual = await ThreadsAsync(driver);
            return actual.SequenceEqual(expected);
        }, within ?? TimeSpan.FromSeconds(60));
        Assert.True(done, $"{context}; expected{Environment.NewLine}" + string.Join(Environment.NewLine, expected)
            + $"{Environment.NewLine}but found{Environment.NewLine}" + string.Join(Environment.NewLine, actual)
            + Environment.NewLine + await StorageDump.DescribeAsync(storage) + more?.Invoke());
    }

    /// <summary>Each open conversation as its Message-IDs in order.</summary>
    public static async Task<List<string>> ThreadsAsync(InboundDriver driver) =>
        [.. (await driver.AllConversationsAsync()).Select(c => string.Join(" ", c.Messages().Select(m => m.Str("messageId")))).Order(StringComparer.Ordinal)];
}
