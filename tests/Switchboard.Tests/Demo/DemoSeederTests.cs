using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Switchboard.LocalHost.Demo;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Demo;

public sealed class DemoSeederTests
{
    private static readonly string[] Statuses = ["open", "pending", "snoozed", "closed"];

    [Fact]
    public async Task Demo_seeds_a_living_inbox_with_the_teams_work_on_it()
    {
        await using var host = await TestHost.StartAsync(KnowledgeBase.KbClient.FastPublishing());
        var summary = await SeedAsync(host);
        var mail = new InboundDriver(host);
        using var signIn = new SignInDriver(host);
        var sam = await signIn.AgentIdAsync("sam@acme.test");
        var admin = await signIn.AgentIdAsync(TestHost.FirstAdminEmail);

        var all = new List<JsonElement>();
        foreach (var status in Statuses)
        {
            all.AddRange(await mail.AllConversationsAsync(status));
        }
        Assert.Equal(13, all.Count); // the mail, and one outreach conversation opened by a sample error alert
        Assert.Equal(12, summary.Conversations);
        JsonElement Subject(string subject) => all.Single(c => c.Str("subject") == subject);

        var jonas = Subject("Synchronisierung hört nach dem Update auf");
        Assert.Equal(sam, jonas.Str("assigneeId"));
        Assert.Equal(["bug", "sync", "urgent"], jonas.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order());
        var items = jonas.Messages();
        Assert.Equal(3, items.Count(m => m.Str("kind") == "email" && m.Str("direction") == "inbound"));
        var reply = Assert.Single(items, m => m.Str("kind") == "email" && m.Str("direction") == "outbound");
        Assert.Equal(sam, reply.Str("authorAgentId"));
        var note = Assert.Single(items, m => m.Str("kind") == "note");
        Assert.Contains("@sam", note.Str("text"));
        Assert.True(await Eventually.TrueAsync(async () =>
            (await mail.ConversationAsync(jonas.Str("id"))).Messages().Single(m => m.Str("kind") == "email" && m.Str("direction") == "outbound").Str("deliveryState") == "sent"));

        var sophie = Subject("Can't invite my new colleague");
        Assert.Equal(admin, sophie.Str("assigneeId"));
        Assert.Contains(sophie.Messages(), m => m.Str("kind") == "call");
        Assert.Equal("snoozed", Subject("Charged twice for February").Str("status"));
        Assert.Equal("closed", Subject("Thank you for the quick fix!").Str("status"));
        Assert.Contains("auto-reply", Subject("Réponse automatique : Absence du bureau").Messages()[0].Flags());
        Assert.Contains("<table", Subject("Dashboard totals don't match the export").Messages()[0].Str("html"));
        Assert.Equal("customers-2026-03-02.csv",
            Subject("Duplicate customers in the export (file attached)").Messages()[0].GetProperty("attachments")[0].Str("name"));
        Assert.Equal("billing@acme.test", Subject("¿Puedo cambiar de plan a mitad de mes?").Str("mailbox"));

        var customer = await (await mail.GetAsync("/api/customers/jonas%40becker-werkstatt.example")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(DemoSetup.CustomerNotes, customer.GetProperty("notes").Str("text"));

        var adminBrowser = await signIn.SignInAsync(TestHost.FirstAdminEmail);
        var saved = await (await adminBrowser.GetAsync("/api/saved-replies")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Looking into it", "Refund issued"], saved.GetProperty("items").EnumerateArray().Select(r => r.Str("name")));
        var kb = await (await adminBrowser.GetAsync("/api/kb/articles")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, kb.GetProperty("items").EnumerateArray().Count(a => a.Str("status") == "published"));
        Assert.Equal(["Account", "Billing"], kb.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        await KnowledgeBase.KbClient.PublishedAsync(host);
        var site = await host.Client.GetStringAsync("/kb/");
        Assert.Contains("Reset your password", site);
        Assert.DoesNotContain("Tablet app: sync troubleshooting", await host.Client.GetStringAsync("/kb/search-index.json"));
        var votes = await (await adminBrowser.GetAsync("/api/kb/feedback")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("When will my refund arrive?", 1, 1), votes.GetProperty("items").EnumerateArray()
            .Select(v => (v.Str("title"), v.GetProperty("notHelpful").GetInt32(), v.GetProperty("comments").GetInt32())).First());
        var misses = await (await adminBrowser.GetAsync("/api/kb/search-misses")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("cancel subscription", 2), misses.GetProperty("items").EnumerateArray()
            .Select(m => (m.Str("query"), m.GetProperty("count").GetInt32())).First());

        var schedules = await (await mail.GetAsync("/api/oncall/schedules")).Content.ReadFromJsonAsync<JsonElement>();
        var schedule = Assert.Single(schedules.GetProperty("items").EnumerateArray());
        var detail = await (await mail.GetAsync($"/api/oncall/schedules/{schedule.Str("id")}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([admin, sam], detail.GetProperty("layers")[0].GetProperty("participants").EnumerateArray().Select(p => p.GetString()));
        var policy = await (await mail.GetAsync("/api/oncall/policies/support%40acme.test")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(schedule.Str("id"), policy.GetProperty("policy").GetProperty("levels")[0].Str("scheduleId"));

        var team = await (await signIn.Bootstrap(HttpMethod.Get, "/api/agents")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(team.GetProperty("items").EnumerateArray(), a => Assert.Equal("active", a.Str("status")));
        Assert.Contains(team.GetProperty("items").EnumerateArray(), a => a.Str("email") == "mia@acme.test" && a.Str("role") == "trainee");

        var phone = await (await mail.GetAsync($"/api/oncall/agents/{sam}/notifications")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(phone.GetProperty("contacts").EnumerateArray(), c => Assert.True(c.GetProperty("verified").GetBoolean()));
        Assert.Equal(["sms", "voice"], phone.GetProperty("rules").EnumerateArray().Select(r => r.Str("channel")));
        var outreach = Subject("We noticed a problem: " + DemoOutreach.AlertSummary);
        Assert.Contains("outreach", outreach.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var drafts = await (await mail.GetAsync($"/api/conversations/{outreach.Str("id")}/drafts")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(DemoOutreach.AlertSummary, Assert.Single(drafts.GetProperty("items").EnumerateArray()).Str("text"));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await using var host = await TestHost.StartAsync();
        await SeedAsync(host);
        var first = await SnapshotAsync(host);

        await SeedAsync(host);

        Assert.Equal(first, await SnapshotAsync(host));
    }

    private static async Task<DemoSummary> SeedAsync(TestHost host)
    {
        using var api = DemoApi.Create(host.BaseAddress, TestHost.ApiKey, TestHost.WebhookSecret);
        return await new DemoSeeder(api, TestHost.FirstAdminEmail, ["support@acme.test", "billing@acme.test"], TimeProvider.System).SeedAsync();
    }

    /// <summary>Every conversation with its status, items, assignee and tags; the team, saved replies and schedules.</summary>
    private static async Task<string> SnapshotAsync(TestHost host)
    {
        var mail = new InboundDriver(host);
        var lines = new List<string>();
        foreach (var status in Statuses)
        {
            foreach (var c in await mail.AllConversationsAsync(status))
            {
                var kinds = string.Join(",", c.Messages().Select(m => m.Str("kind") + "/" + m.Str("direction")));
                var assignee = c.GetProperty("assigneeId").GetString();
                lines.Add($"{c.Str("subject")} | {status} | {kinds} | {assignee} | {string.Join(",", c.GetProperty("tags").EnumerateArray())}");
            }
        }
        using var signIn = new SignInDriver(host);
        var team = await (await signIn.Bootstrap(HttpMethod.Get, "/api/agents")).Content.ReadFromJsonAsync<JsonElement>();
        lines.Add("agents " + team.GetProperty("items").GetArrayLength());
        var schedules = await (await mail.GetAsync("/api/oncall/schedules")).Content.ReadFromJsonAsync<JsonElement>();
        lines.Add("schedules " + schedules.GetProperty("items").GetArrayLength());
        var admin = await signIn.AgentIdAsync(TestHost.FirstAdminEmail);
        var saved = await (await (await signIn.SignInAsync(TestHost.FirstAdminEmail)).GetAsync("/api/saved-replies")).Content.ReadFromJsonAsync<JsonElement>();
        lines.Add("saved replies of " + admin + ": " + saved.GetProperty("items").GetArrayLength());
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}

public sealed class DemoSwitchTests
{
    [Fact]
    public async Task Host_started_with_demo_seeds_the_workspace_through_its_own_api()
    {
        var connectionString = (await Azurite.GetAsync()).ConnectionString;
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        await using var app = Switchboard.LocalHost.LocalHostApp.Build(["--demo", "--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(TestHost.RequiredSettings(connectionString, prefix));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:FirstAdminEmail"] = TestHost.FirstAdminEmail });
        }, localSettings: false);
        await app.StartAsync();
        var seeding = app.Services.GetRequiredService<DemoSeeding>();

        await seeding.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(2));

        var address = app.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestHost.ApiKey);
        var customer = await client.GetFromJsonAsync<JsonElement>("/api/customers/jonas%40becker-werkstatt.example");
        Assert.Equal(DemoSetup.CustomerNotes, customer.GetProperty("notes").Str("text"));
        await app.StopAsync();
    }
}
