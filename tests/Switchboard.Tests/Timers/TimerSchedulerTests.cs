using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.LocalHost.Timers;
using Switchboard.LocalHost;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Timers;

public sealed class TimerSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Job_runs_at_each_occurrence_of_its_schedule()
    {
        var time = new WatchedFakeTime(Start);
        var job = new RecordingJob("every-five-minutes", "0 */5 * * * *", time);
        await using var host = await StartWithAsync(job, time);

        await AdvanceAsync(time, TimeSpan.FromMinutes(16), job);

        Assert.Equal([Start.AddMinutes(5), Start.AddMinutes(10), Start.AddMinutes(15)], job.Runs);
    }

    [Fact]
    public async Task Job_that_throws_runs_again_at_its_next_occurrence()
    {
        var time = new WatchedFakeTime(Start);
        var job = new RecordingJob("flaky", "0 */5 * * * *", time, fail: true);
        await using var host = await StartWithAsync(job, time);

        await AdvanceAsync(time, TimeSpan.FromMinutes(11), job);

        Assert.Equal([Start.AddMinutes(5), Start.AddMinutes(10)], job.Runs);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 0 25 * * *")]
    public async Task Invalid_schedule_stops_the_host_from_starting_naming_the_job_and_expression(string schedule)
    {
        var azurite = await Azurite.GetAsync();
        await using var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(TestHost.RequiredSettings(azurite.ConnectionString));
            builder.Services.AddSingleton<ITimerJob>(new RecordingJob("weekly-digest", schedule, TimeProvider.System));
        }, localSettings: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("'weekly-digest'", error.Message);
        Assert.Contains($"'{schedule}'", error.Message);
    }

    private static Task<TestHost> StartWithAsync(ITimerJob job, WatchedFakeTime time) =>
        TestHost.StartAsync(services: s => s.AddSingleton(job).AddSingleton<TimeProvider>(time));

    /// <summary>
    /// Moves the fake clock on a second at a time, but only once the scheduler has armed its wait for the next
    /// occurrence (else a late start or re-arm would miss it); at each whole five minutes it waits for the run.
    /// </summary>
    private static async Task AdvanceAsync(WatchedFakeTime time, TimeSpan total, RecordingJob job)
    {
        var end = time.GetUtcNow() + total;
        while (time.GetUtcNow() < end)
        {
            var runs = job.Runs.Count;
            Assert.True(await Eventually.TrueAsync(() => time.LongWaits > runs), $"scheduler did not wait for run {runs + 1}");
            time.Advance(TimeSpan.FromSeconds(1));
            var now = time.GetUtcNow();
            if (now.Second == 0 && now.Minute % 5 == 0)
            {
                Assert.True(await Eventually.TrueAsync(() => job.Runs.Count == runs + 1), $"no run at {now:O}");
            }
        }
    }

    /// <summary>A fake clock that counts the waits longer than a minute: the scheduler's waits between occurrences.</summary>
    private sealed class WatchedFakeTime(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int longWaits;

        public int LongWaits => Volatile.Read(ref longWaits);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime > TimeSpan.FromMinutes(1))
            {
                Interlocked.Increment(ref longWaits);
            }
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed class RecordingJob(string name, string schedule, TimeProvider time, bool fail = false) : ITimerJob
    {
        private readonly ConcurrentQueue<DateTimeOffset> runs = new();

        public string Name => name;
        public string Schedule => schedule;
        public IReadOnlyList<DateTimeOffset> Runs => runs.ToArray();

        public Task RunAsync(CancellationToken cancellationToken = default)
        {
            runs.Enqueue(time.GetUtcNow());
            return fail ? throw new InvalidOperationException("the job broke") : Task.CompletedTask;
        }
    }
}
