using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Proof;

/// <summary>
/// Mail arriving steadily, not in one burst: N messages spread evenly over M seconds, at most eight in flight, through
/// the host with its queue pump running. Every post must be accepted, and afterwards every thread must be one
/// conversation holding its messages exactly once. The quick variant is 80 messages over 20 s;
/// <c>SWITCHBOARD_LOAD_MESSAGES</c> and <c>SWITCHBOARD_LOAD_SECONDS</c> ask for a longer one (docs/reliability.md).
/// </summary>
public sealed class SustainedLoadTests
{
    private const int InFlight = 8;

    [Fact]
    public async Task Mail_arriving_steadily_is_all_accepted_and_every_thread_ends_as_one_conversation_with_each_message_once()
    {
        var messages = ProofScale.Get("SWITCHBOARD_LOAD_MESSAGES", 80, min: 4);
        var seconds = ProofScale.Get("SWITCHBOARD_LOAD_SECONDS", 20);
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:01",
        });
        var driver = new InboundDriver(host);
        // Four-message threads, sent round-robin: every thread's replies are spread over the whole run.
        var emails = StorageDownTests.Threads(threads: messages / 4).Select((email, index) => (email, index))
            .OrderBy(e => e.index % 4).ThenBy(e => e.index / 4).Select(e => e.email).ToList();

        var refused = new ConcurrentBag<string>();
        var slots = new SemaphoreSlim(InFlight);
        var spacing = TimeSpan.FromSeconds(seconds) / emails.Count;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(emails.Select(async (email, index) =>
        {
            var due = spacing * index - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
            await slots.WaitAsync();
            try
            {
                var response = await driver.PostMimeAsync(email.ToBytes());
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    refused.Add($"{email.MessageId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            finally
            {
                slots.Release();
            }
        }));
        var posting = clock.Elapsed;

        Assert.True(refused.IsEmpty, $"{refused.Count} of {emails.Count} posts were not accepted:{Environment.NewLine}{string.Join(Environment.NewLine, refused.Take(20))}");
        await StorageDownTests.AssertEveryThreadIsOneConversationAsync(driver, host.Storage, emails,
            $"{emails.Count} messages posted over {posting.TotalSeconds:0.0} s", within: TimeSpan.FromSeconds(60 + Math.Max(0, emails.Count - 40)));
    }
}
