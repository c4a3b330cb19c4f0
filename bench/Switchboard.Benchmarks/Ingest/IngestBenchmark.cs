using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Handlers.Telemetry;
using Switchboard.LocalHost;
using Switchboard.LocalHost.Queues;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Benchmarks.Ingest;

/// <summary>
/// Ingestion end to end: the local host (queue pump as host.json sets it) over Azurite; N senders post the generated
/// mix (<see cref="IngestMix"/>) to <c>POST /api/inbound/mime</c>, each waiting for its 202 before the next post. An
/// email is visible once its <c>inbound-email</c> handler has finished (its message and inbox rows are written then);
/// the host's own span says when, tagged with the id the 202 answered. The floor (<see cref="IngestFloor"/>) runs on
/// the same emails at the same concurrency just before, and the ratio is printed. At the end every posted
/// Message-ID is looked for through the API: each must be there exactly once.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(int messages, int[] levels)
    {
        var azurite = await Azurite.GetAsync();
        var timer = new StorageTimer();
        var visible = new ConcurrentDictionary<string, long>();
        using var listener = ListenForProcessedMail(visible);
        await using var host = await BenchHost.StartAsync(azurite, new Dictionary<string, string?>(),
            services => services.AddSingleton<ClientOptionsHook>(options => timer.Attach(options, options switch
            {
                TableClientOptions => "table",
                QueueClientOptions => "queue",
                _ => "blob",
            })));
        var (app, http, webhookSecret) = host;
        var pump = app.Services.GetRequiredService<IOptions<QueuePumpOptions>>().Value;

        Console.WriteLine($"Ingest: {messages} emails per level, Release={IsRelease()}, {Environment.ProcessorCount} cores, " +
            $"queues: batchSize {pump.BatchSize}, newBatchThreshold {pump.EffectiveNewBatchThreshold}, maxPollingInterval {pump.MaxPollingInterval}.");
        // Warm-up: JIT, connections, tables; not counted.
        await RunLevelAsync(http, webhookSecret, visible, IngestMix.Generate("warm" + Run(), 30), 8);

        var rows = new List<string>();
        var posted = new List<GeneratedMail>();
        foreach (var concurrency in levels)
        {
            var mails = IngestMix.Generate(Run(), messages);
            posted.AddRange(mails);
            var load = Load();
            var floor = await IngestFloor.MeasureAsync(azurite.ConnectionString, Run(), mails, concurrency);
            timer.Reset();
            var result = await RunLevelAsync(http, webhookSecret, visible, mails, concurrency);
            rows.Add($"| {concurrency} | {mails.Count} | {result.Throughput:F1} | {floor:F1} | {result.Throughput / floor:F2} | " +
                $"{P(result.Acks, 0.5):F0} / {P(result.Acks, 0.99):F0} | {P(result.Visible, 0.5):F0} / {P(result.Visible, 0.95):F0} / {P(result.Visible, 0.99):F0} | " +
                $"{result.Non2xx} | {load} |");
            Console.WriteLine($"  concurrency {concurrency}: {result.Throughput:F1} emails/s end to end, floor {floor:F1}/s; storage time by request (sum of ms):");
            foreach (var (kind, count, ms) in timer.Top(8))
            {
                Console.WriteLine($"    {kind,-48} {count,6} requests {ms,10:F0} ms ({ms / count:F1} ms each)");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Senders | Emails | End to end (emails/s) | Floor (emails/s) | Ratio | 202 p50 / p99 ms | 202 → visible p50 / p95 / p99 ms | Non-2xx | Load (1/5/15 min) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        rows.ForEach(Console.WriteLine);

        var (missing, duplicated) = await CheckVisibleOnceAsync(http, posted);
        Console.WriteLine();
        Console.WriteLine($"Through the API: {posted.Count - missing.Count} of {posted.Count} emails visible, {duplicated.Count} more than once" +
            (missing.Count > 0 ? $"; missing e.g. {string.Join(", ", missing.Take(3))}" : "") + ".");
        return missing.Count == 0 && duplicated.Count == 0 ? 0 : 1;
    }

    private sealed record LevelResult(double Throughput, List<double> Acks, List<double> Visible, int Non2xx);

    private static async Task<LevelResult> RunLevelAsync(HttpClient http, string secret, ConcurrentDictionary<string, long> visible,
        IReadOnlyList<GeneratedMail> mails, int concurrency)
    {
        var acked = new ConcurrentDictionary<string, long>();
        var ackMs = new ConcurrentBag<double>();
        var non2xx = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(mails, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (mail, ct) =>
        {
            while (true)
            {
                var content = new ByteArrayContent(mail.Mime);
                content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync($"/api/inbound/mime?key={secret}", content, ct);
                var now = Stopwatch.GetTimestamp();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref non2xx);
                    await Task.Delay(500, ct); // a sender retries, as SendGrid does
                    continue;
                }
                ackMs.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
                acked[id] = now;
                return;
            }
        });

        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 600;
        while (acked.Keys.Any(id => !visible.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
        var shown = acked.Where(a => visible.ContainsKey(a.Key)).Select(a => (Ack: a.Value, Visible: visible[a.Key])).ToList();
        var last = shown.Count == 0 ? Stopwatch.GetTimestamp() : shown.Max(s => s.Visible);
        return new LevelResult(
            shown.Count / Stopwatch.GetElapsedTime(started, last).TotalSeconds,
            [.. ackMs.Order()],
            [.. shown.Select(s => Stopwatch.GetElapsedTime(s.Ack, s.Visible).TotalMilliseconds).Order()],
            non2xx);
    }

    /// <summary>Notes when each email's <c>inbound-email</c> handler finished without failing, by the webhook's id.</summary>
    internal static ActivityListener ListenForProcessedMail(ConcurrentDictionary<string, long> visible)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SwitchboardTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == "ProcessInboundEmail" && activity.Status != ActivityStatusCode.Error
                    && activity.GetTagItem(SwitchboardTelemetry.Tags.InboundId) is string id)
                {
                    visible.TryAdd(id, Stopwatch.GetTimestamp());
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>Every posted Message-ID looked for in the inbox's conversations: those never seen, and those seen twice.</summary>
    private static async Task<(List<string> Missing, List<string> Duplicated)> CheckVisibleOnceAsync(HttpClient http, IReadOnlyList<GeneratedMail> posted)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in await InboxConversationIdsAsync(http))
        {
            var conversation = await http.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
            foreach (var message in conversation.GetProperty("messages").EnumerateArray())
            {
                var messageId = message.GetProperty("messageId").GetString() ?? "";
                seen[messageId] = seen.GetValueOrDefault(messageId) + 1;
            }
        }
        return ([.. posted.Select(p => p.MessageId).Where(m => !seen.ContainsKey(m))],
                [.. posted.Select(p => p.MessageId).Where(m => seen.GetValueOrDefault(m) > 1)]);
    }

    public static async Task<List<string>> InboxConversationIdsAsync(HttpClient http)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>(
                "/api/conversations?status=open&limit=100" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (token is not null);
        return [.. ids.Distinct()];
    }

    private static double P(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Run() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    internal static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    internal static bool IsRelease() =>
        typeof(IngestBenchmark).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];
}
