using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.LocalHost.Demo;
using Switchboard.Storage.Metrics;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Metrics;

namespace Switchboard.Tests.Demo;

public sealed class DemoHistoryTests
{
    /// <summary>The fake clock's today is 2026-03-02: the history is the 28 days before it.</summary>
    private const string FourWeeks = "?from=2026-02-02&to=2026-03-01";

    private static DemoHistory History(TestHost host) => new(
        host.Services.GetRequiredService<MetricFactStore>(), host.Services.GetRequiredService<MetricRollupStore>(), host.Time!);

    private static Task<bool> SeedAsync(TestHost host) =>
        History(host).SeedAsync(["support@acme.test", "billing@acme.test"], DemoSetup.SupportTarget);

    [Fact]
    public async Task Four_weeks_of_history_fill_every_figure_of_the_dashboard()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);

        Assert.True(await SeedAsync(host));

        var report = await new MetricsDriver(host).GetAsync(FourWeeks);
        var days = report.GetProperty("volume").EnumerateArray().ToList();
        Assert.Equal(28, days.Count);
        var opened = days.Sum(d => d.GetProperty("opened").GetInt64());
        Assert.InRange(opened, 80, 250);
        Assert.Equal(opened, days.Sum(d => d.GetProperty("closed").GetInt64()));
        Assert.Equal(opened, report.GetProperty("firstResponse").GetProperty("count").GetInt64());
        Assert.True(days.Count(d => d.GetProperty("opened").GetInt64() > 0) >= 20, "most days had mail");
        Assert.InRange(report.GetProperty("withinTarget").GetDouble(), 0.3, 0.95);
        Assert.InRange(report.GetProperty("satisfaction").GetProperty("score").GetDouble(), 20, 90);
        Assert.NotEqual(JsonValueKind.Null, report.GetProperty("kb").GetProperty("deflectionRate").ValueKind);
        Assert.True(report.GetProperty("paging").GetProperty("pages").GetInt64() > 0);
        Assert.True(report.GetProperty("repliesPerConversation").GetDouble() >= 1.0);
    }

    [Fact]
    public async Task The_backlog_at_each_days_end_is_what_was_opened_and_not_yet_closed_and_none_is_left_today()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        await SeedAsync(host);

        var days = (await new MetricsDriver(host).GetAsync(FourWeeks)).GetProperty("volume").EnumerateArray().ToList();

        long open = 0;
        foreach (var day in days)
        {
            open += day.GetProperty("opened").GetInt64() - day.GetProperty("closed").GetInt64();
            Assert.Equal(open, day.GetProperty("backlog").GetInt32());
        }
        Assert.True(days.Max(d => d.GetProperty("backlog").GetInt32()) > 0);
        Assert.Equal(0, days[^1].GetProperty("backlog").GetInt32());
        Assert.Equal(0, await host.Services.GetRequiredService<MetricFactStore>().CountOpenAsync(MetricFactStore.AllMailboxes));
    }

    [Fact]
    public async Task Seeding_history_again_changes_nothing_and_each_mailbox_has_its_share()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        await SeedAsync(host);
        var metrics = new MetricsDriver(host);
        var first = (await metrics.GetAsync(FourWeeks)).GetRawText();

        Assert.False(await SeedAsync(host));

        Assert.Equal(first, (await metrics.GetAsync(FourWeeks)).GetRawText());
        long Opened(JsonElement report) => report.GetProperty("volume").EnumerateArray().Sum(d => d.GetProperty("opened").GetInt64());
        var all = await metrics.GetAsync(FourWeeks);
        var support = await metrics.GetAsync(FourWeeks + "&mailbox=support@acme.test");
        var billing = await metrics.GetAsync(FourWeeks + "&mailbox=billing@acme.test");
        Assert.True(Opened(support) > Opened(billing) && Opened(billing) > 0);
        Assert.Equal(Opened(all), Opened(support) + Opened(billing));
    }
}
