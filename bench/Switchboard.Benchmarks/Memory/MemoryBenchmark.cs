using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Benchmarks.Ingest;
using Switchboard.LocalHost.Queues;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Benchmarks.Memory;

/// <summary>
/// Memory of the local host ingesting many emails: the same host, queue pump and generated mix as the ingest mode,
/// in batches of <see cref="Batch"/> so that the senders never hold more than one batch of raw mail. Working set is the
/// process's (sampled every 100 ms: host, senders and their HTTP clients; Azurite runs in its own process); allocations
/// are <see cref="GC.GetTotalAllocatedBytes"/> of the whole process from the first post to the last email visible,
/// less what generating the mail allocated (counted on the generating thread), divided by the emails.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Batch = 300;

    public static async Task<int> RunAsync(int count, int[] levels)
    {
        var azurite = await Azurite.GetAsync();
        var visible = new ConcurrentDictionary<string, long>();
        using var listener = IngestBenchmark.ListenForProcessedMail(visible);
        await using var host = await BenchHost.StartAsync(azurite, new Dictionary<string, string?>(), _ => { });
        var pump = host.App.Services.GetRequiredService<IOptions<QueuePumpOptions>>().Value;
        Console.WriteLine($"Memory: {count} emails per level in batches of {Batch}, Release={IngestBenchmark.IsRelease()}, {Environment.ProcessorCount} cores, " +
            $"server GC={System.Runtime.GCSettings.IsServerGC}, queues: batchSize {pump.BatchSize}, newBatchThreshold {pump.EffectiveNewBatchThreshold}.");
        // Warm-up: JIT, connections, tables; not counted.
        await PostAsync(host, IngestMix.Generate("warm" + Run(), 30), 8, visible);

        var rows = new List<string>();
        var failed = false;
        foreach (var senders in levels)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = WorkingSetMb();
            var gen2 = GC.CollectionCount(2);
            var load = IngestBenchmark.Load();
            using var sampler = new PeakSampler();
            var generated = 0L;
            var ids = new List<string>(count);
            var started = Stopwatch.GetTimestamp();
            var allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
            for (var sent = 0; sent < count; sent += Batch)
            {
                var onThread = GC.GetAllocatedBytesForCurrentThread();
                var mails = IngestMix.Generate(Run(), Math.Min(Batch, count - sent));
                generated += GC.GetAllocatedBytesForCurrentThread() - onThread;
                ids.AddRange(await PostAsync(host, mails, senders, visible: null));
            }
            Console.WriteLine($"  {senders} senders: {ids.Count} posted in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s; load {IngestBenchmark.Load()}");
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 3600;
            var progress = Stopwatch.GetTimestamp();
            while (ids.Any(id => !visible.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(100);
                if (Stopwatch.GetElapsedTime(progress) > TimeSpan.FromMinutes(1))
                {
                    progress = Stopwatch.GetTimestamp();
                    // Enough to report a run stopped before the end: peak so far, allocations so far per email visible.
                    var shownSoFar = ids.Count(visible.ContainsKey);
                    var allocatedSoFar = GC.GetTotalAllocatedBytes(precise: false) - allocatedAtStart - generated;
                    Console.WriteLine($"  {shownSoFar} visible after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s, working set {WorkingSetMb():F0} MB " +
                        $"(peak {sampler.Peak:F0}), GC heap peak {sampler.HeapPeak:F0} MB, {allocatedSoFar / (double)Math.Max(1, shownSoFar) / 1024:F0} KB allocated per visible email; load {IngestBenchmark.Load()}");
                }
            }
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart - generated;
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var (peak, heapPeak) = sampler.Stop();
            var shown = ids.Count(visible.ContainsKey);
            failed |= shown < ids.Count;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            rows.Add($"| {senders} | {shown} of {ids.Count} | {shown / seconds:F1} | {before:F0} | {peak:F0} | {heapPeak:F0} | {WorkingSetMb():F0} | " +
                $"{allocated / (double)ids.Count / 1024:F0} | {GC.CollectionCount(2) - gen2} | {load} → {IngestBenchmark.Load()} |");
        }

        Console.WriteLine();
        Console.WriteLine("| Senders | Emails visible | Emails/s | Working set before (MB) | Peak working set (MB) | Peak GC heap (MB) | Working set after, collected (MB) | Allocated per email (KB) | Gen 2 GCs | Load (1/5/15 min) at start → end |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        rows.ForEach(Console.WriteLine);
        return failed ? 1 : 0;
    }

    /// <summary>Posts every email, <paramref name="senders"/> at a time, each retried until its 202; the ids the 202s answered.</summary>
    private static async Task<List<string>> PostAsync(BenchHost host, IReadOnlyList<GeneratedMail> mails, int senders, ConcurrentDictionary<string, long>? visible)
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(mails, new ParallelOptions { MaxDegreeOfParallelism = senders }, async (mail, ct) =>
        {
            while (true)
            {
                var content = new ByteArrayContent(mail.Mime);
                content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
                using var response = await host.Http.PostAsync($"/api/inbound/mime?key={host.WebhookSecret}", content, ct);
                if (response.IsSuccessStatusCode)
                {
                    ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!);
                    return;
                }
                await Task.Delay(500, ct);
            }
        });
        if (visible is not null)
        {
            while (ids.Any(id => !visible.ContainsKey(id))) await Task.Delay(100);
        }
        return [.. ids];
    }

    private static double WorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }

    private static string Run() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The highest working set and GC heap seen, sampled every 100 ms on a thread of its own.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Thread thread;
        private double peak;
        private double heapPeak;

        public PeakSampler()
        {
            thread = new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, WorkingSetMb());
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0);
                    stop.Token.WaitHandle.WaitOne(100);
                }
            }) { IsBackground = true, Name = "memory sampler" };
            thread.Start();
        }

        public double Peak => peak;

        public double HeapPeak => heapPeak;

        public (double WorkingSet, double Heap) Stop()
        {
            stop.Cancel();
            thread.Join();
            return (peak, heapPeak);
        }

        public void Dispose() => stop.Dispose();
    }
}
