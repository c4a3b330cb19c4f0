using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Account;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Metrics;

/// <summary>
/// A burst of mail must not make each event recompute the whole day (each recompute reads all of the day's facts and
/// open conversations: the cost grew with every email and the writers fought over one row), yet the dashboard must
/// count every email.
/// </summary>
public sealed class MetricsBurstTests
{
    private const string Today = "?from=2026-03-02&to=2026-03-02";

    [Fact]
    public async Task Twelve_new_conversations_at_once_recompute_the_day_once_and_the_dashboard_counts_all_twelve()
    {
        var counter = new StorageTransactionCounter();
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true, services: s => s.AddSingleton<ClientOptionsHook>(counter.Attach));
        var mail = new InboundDriver(host);
        var metrics = new MetricsDriver(host);
        for (var i = 1; i <= 12; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await mail.PostMimeAsync(
                new TestEmail($"customer{i}@example.com", "support@acme.test", $"Question {i}", $"Body {i}").ToBytes())).StatusCode);
        }
        await mail.ProcessInboundOnlyAsync(countQueueHousekeeping: false);

        counter.Reset();
        Assert.Equal(12, await metrics.DispatchEventsAsync());

        // One recompute per scope (the mailbox and all mailboxes), each one query of the day's facts and one of the
        // open conversations; recomputing on every event made it 12 × 4.
        Assert.Equal(4, FactQueries(counter));
        var day = (await metrics.GetAsync(Today)).GetProperty("volume").EnumerateArray().Single();
        Assert.Equal(12, day.GetProperty("opened").GetInt64());
        Assert.Equal(12, day.GetProperty("backlog").GetInt32());

        // Later mail recomputes the day again by itself once the interval has passed.
        host.Time!.Advance(TimeSpan.FromSeconds(31));
        await mail.PostMimeAsync(new TestEmail("late@example.com", "support@acme.test", "Question 13", "Body 13").ToBytes());
        await mail.ProcessInboundOnlyAsync(countQueueHousekeeping: false);
        counter.Reset();
        Assert.Equal(1, await metrics.DispatchEventsAsync());
        Assert.Equal(4, FactQueries(counter));
    }

    [Fact]
    public async Task An_event_during_the_interval_leaves_its_day_dirty_and_the_next_read_counts_it()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var mail = new InboundDriver(host);
        var metrics = new MetricsDriver(host);
        await mail.PostMimeAsync(new TestEmail("first@example.com", "support@acme.test", "First", "One").ToBytes());
        await mail.ProcessInboundOnlyAsync(countQueueHousekeeping: false);
        await metrics.DispatchEventsAsync();
        Assert.Equal(1, Opened(await metrics.GetAsync(Today)));

        host.Time!.Advance(TimeSpan.FromSeconds(5));
        await mail.PostMimeAsync(new TestEmail("second@example.com", "support@acme.test", "Second", "Two").ToBytes());
        await mail.ProcessInboundOnlyAsync(countQueueHousekeeping: false);
        await metrics.DispatchEventsAsync();

        Assert.Equal(2, Opened(await metrics.GetAsync(Today)));
        Assert.Equal(2, Opened(await metrics.GetAsync(Today + "&mailbox=support@acme.test")));
    }

    private static long Opened(System.Text.Json.JsonElement report) =>
        report.GetProperty("volume").EnumerateArray().Single().GetProperty("opened").GetInt64();

    private static int FactQueries(StorageTransactionCounter counter) =>
        counter.Requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.EndsWith(StorageLayout.MetricFactsTable + "()", StringComparison.Ordinal));
}
