using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.LocalHost.Demo;
using Switchboard.Storage.Metrics;
using Switchboard.Tests.Metrics;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MetricsDashboardTests(BrowserFixture browser)
{
    private static long Sum(JsonElement report, string figure) => report.GetProperty("volume").EnumerateArray().Sum(p => p.GetProperty(figure).GetInt64());

    /// <summary>The demo's four weeks of history, ending yesterday (real clock: the page asks for the days to today).</summary>
    private static async Task SeedHistoryAsync(AgentBrowser agent)
    {
        var services = agent.Host.Services;
        Assert.True(await new DemoHistory(services.GetRequiredService<MetricFactStore>(), services.GetRequiredService<MetricRollupStore>(), TimeProvider.System)
            .SeedAsync(["support@acme.test", "billing@acme.test"], DemoSetup.SupportTarget));
    }

    private static string Query(int days, string mailbox = "all")
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        return $"?from={today.AddDays(1 - days):yyyy-MM-dd}&to={today:yyyy-MM-dd}&mailbox={mailbox}&granularity=day";
    }

    [Fact]
    public async Task The_dashboard_charts_the_seeded_history_with_text_alternatives_and_exports_the_apis_csv()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await SeedHistoryAsync(agent);
        var metrics = new MetricsDriver(agent.Host);
        var report = await metrics.GetAsync(Query(30));
        var (opened, closed) = (Sum(report, "opened"), Sum(report, "closed"));
        Assert.True(opened > 0);
        await agent.SignInAsync();

        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Metrics" }).ClickAsync();

        await Expect(agent.Page.GetByRole(AriaRole.Heading, new() { Name = "Team metrics" })).ToBeVisibleAsync();
        var volume = agent.Page.GetByRole(AriaRole.Figure, new() { Name = "Conversations opened and closed" });
        await Expect(volume).ToContainTextAsync($"{opened} opened and {closed} closed in 30 days");
        await Expect(volume.Locator("canvas")).ToHaveCountAsync(1);
        await Expect(agent.Page.Locator(".metrics-chart canvas")).ToHaveCountAsync(4);
        var summary = agent.Page.GetByRole(AriaRole.Region, new() { Name = "Summary" });
        await Expect(Figure(summary, "Opened")).ToHaveTextAsync($"{opened}");
        var satisfaction = report.GetProperty("satisfaction");
        await Expect(summary).ToContainTextAsync(
            $"{satisfaction.GetProperty("great")} great, {satisfaction.GetProperty("okay")} okay, {satisfaction.GetProperty("notGood")} not good");
        await Expect(summary).ToContainTextAsync($"of {report.GetProperty("firstResponse").GetProperty("count")} first responses");
        var nps = report.GetProperty("nps");
        Assert.True(nps.GetProperty("responses").GetInt32() > 0);
        await Expect(summary).ToContainTextAsync(
            $"{nps.GetProperty("promoters")} promoters, {nps.GetProperty("passives")} passives, {nps.GetProperty("detractors")} detractors ({nps.GetProperty("responses")} answers)");

        // The chart's table says what the drawing shows, day by day.
        await volume.GetByText("Show the figures").ClickAsync();
        var busiest = report.GetProperty("volume").EnumerateArray().MaxBy(p => p.GetProperty("opened").GetInt64());
        var row = volume.GetByRole(AriaRole.Row, new() { Name = busiest.GetProperty("period").GetString()! });
        await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(busiest.GetProperty("opened").ToString());
        await Expect(volume.GetByRole(AriaRole.Row)).ToHaveCountAsync(31);

        var download = await agent.Page.RunAndWaitForDownloadAsync(() => agent.Page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var fromApi = await (await metrics.SendAsync("/api/metrics/export.csv" + Query(30))).Content.ReadAsStringAsync();
        Assert.Equal(fromApi, csv);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(report.GetProperty("volume").EnumerateArray().Select(p => $"{p.GetProperty("period")},{p.GetProperty("opened")},{p.GetProperty("closed")}"),
            lines.Select(line => string.Join(',', line.Split(',')[..3])));
        Assert.StartsWith("metrics-", download.SuggestedFilename);
    }

    [Fact]
    public async Task Choosing_seven_days_and_one_mailbox_shows_only_their_figures()
    {
        await using var agent = await AgentBrowser.StartAsync(browser);
        await SeedHistoryAsync(agent);
        var billing = await new MetricsDriver(agent.Host).GetAsync(Query(7, "billing@acme.test"));
        await agent.SignInAsync();
        await agent.Page.GotoAsync("/metrics");

        await agent.Page.GetByLabel("Period").SelectOptionAsync("7");
        await agent.Page.GetByLabel("Mailbox").SelectOptionAsync("billing@acme.test");

        var volume = agent.Page.GetByRole(AriaRole.Figure, new() { Name = "Conversations opened and closed" });
        await Expect(volume).ToContainTextAsync($"{Sum(billing, "opened")} opened and {Sum(billing, "closed")} closed in 7 days");
        await Expect(agent.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/metrics\\?days=7&mailbox=billing%40acme.test$"));
    }

    private static ILocator Figure(ILocator summary, string term) =>
        summary.Locator(".metric").Filter(new() { Has = summary.Page.GetByText(term, new() { Exact = true }) }).Locator("strong");
}
