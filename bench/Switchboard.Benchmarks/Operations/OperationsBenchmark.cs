using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Benchmarks.Operations;

/// <summary>
/// Storage transactions per operation, beyond the two emails of the default mode: the agent's reads (an inbox page,
/// a conversation), an agent's reply until it is sent, an escalation check that pages nobody, the knowledge base
/// published again after one article changed, a status update. Each operation's request is counted, then the queue
/// work it caused (handled by <see cref="QueueWork"/>), then the trigger's receive and delete of each message.
/// API calls carry the bootstrap key, which costs no storage read; a signed-in agent's session adds two point reads
/// (its <c>Sessions</c> row and its agent), an API key one.
/// </summary>
internal static class OperationsBenchmark
{
    private const int WarmUp = 2;
    private const int InboxPage = 50;
    private const int Articles = 20;
    private const int Subscribers = 1_000;

    public static async Task<int> RunAsync(int repeats)
    {
        var azurite = await Azurite.GetAsync();
        var tally = new TransactionTally();
        await using var host = await BenchHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["LocalHost:Queues:Enabled"] = "false",
            // Publish as soon as asked, and escalation checks only by their own message: the measured work, nothing else.
            ["KnowledgeBase:PublishDelay"] = "00:00:00",
            ["Escalation:BundleWindow"] = "00:00:00",
            ["Escalation:SweepGrace"] = "01:00:00",
        }, services => services.AddSingleton<ClientOptionsHook>(options => tally.For(options switch
        {
            TableClientOptions => "table",
            QueueClientOptions => "queue",
            _ => "blob",
        }).Attach(options)));
        var http = host.Http;
        var work = new QueueWork(host.App, azurite.ConnectionString);
        var report = new OperationReport(repeats);
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var total = repeats + WarmUp;

        // Mail first; enough conversations for a full inbox page.
        for (var i = 0; i < Math.Max(total, InboxPage + 5); i++)
        {
            var cost = await MeasureAsync(() => PostMailAsync(host, SyntheticMail.NewConversation(run, i, TimeProvider.System.GetUtcNow())));
            if (i >= WarmUp && i < total) report.Add("new email (new conversation)", cost);
        }
        for (var i = 0; i < total; i++)
        {
            var cost = await MeasureAsync(() => PostMailAsync(host, SyntheticMail.Reply(run, i, TimeProvider.System.GetUtcNow())));
            if (i >= WarmUp) report.Add("reply in a conversation", cost);
        }

        var inbox = new List<string>();
        for (var i = 0; i < total; i++)
        {
            var cost = await MeasureAsync(async () =>
            {
                var page = await http.GetFromJsonAsync<JsonElement>($"/api/conversations?status=open&limit={InboxPage}");
                inbox = [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
            });
            if (i >= WarmUp) report.Add($"inbox page of {InboxPage}", cost);
        }
        Check(inbox.Count == InboxPage, $"the inbox page held {inbox.Count} conversations, not {InboxPage}");

        for (var i = 0; i < total; i++)
        {
            var cost = await MeasureAsync(() => http.GetFromJsonAsync<JsonElement>($"/api/conversations/{inbox[i]}"));
            if (i >= WarmUp) report.Add("conversation view (GET)", cost);
            cost = await MeasureAsync(async () =>
                (await http.PostAsJsonAsync($"/api/conversations/{inbox[i]}/presence", new { state = "viewing" })).EnsureSuccessStatusCode());
            if (i >= WarmUp) report.Add("presence beat (every 15 s while open)", cost);
        }

        for (var i = 0; i < total; i++)
        {
            var etag = await ETagAsync(http, $"/api/conversations/{inbox[i]}");
            var cost = await MeasureAsync(() => ReplyAsync(http, inbox[i], etag));
            if (i >= WarmUp) report.Add("agent reply sent", cost);
        }

        await KnowledgeBaseAsync(http, total, (i, cost) => { if (i >= WarmUp) report.Add($"KB publish of one changed article ({Articles} published)", cost); });

        var incident = await StartIncidentAsync(http);
        for (var i = 0; i < total; i++)
        {
            var cost = await MeasureAsync(() => StatusUpdateAsync(http, incident, i));
            if (i >= WarmUp) report.Add("status update, no subscribers", cost);
        }
        await StatusSubscribers.SeedAsync(host, Subscribers);
        for (var i = 0; i < total; i++)
        {
            var cost = await MeasureAsync(() => StatusUpdateAsync(http, incident, total + i));
            if (i >= WarmUp) report.Add($"status update, {Subscribers:N0} subscribers", cost);
        }

        await EscalationChecksAsync(host, work, run, total, (i, cost) => { if (i >= WarmUp) report.Add("escalation check, no page (answered in time)", cost); });

        report.Print();
        return 0;

        async Task<OperationCost> MeasureAsync(Func<Task> request)
        {
            tally.Reset();
            await request();
            var requested = tally.Snapshot();
            var requestLog = tally.Requests().ToList();
            tally.Reset();
            var handled = await work.DrainAsync(skip: q => q == QueueNames.EscalationChecks);
            return new OperationCost(requested, tally.Snapshot(), handled, requestLog, [.. tally.Requests()]);
        }

        async Task EscalationChecksAsync(BenchHost host, QueueWork work, string run, int total, Action<int, OperationCost> add)
        {
            var target = TimeSpan.FromSeconds(3);
            (await http.PutAsJsonAsync("/api/oncall/policies/support@acme.test", new
            {
                targetFirstResponse = target.ToString("c"),
                levels = new[] { new { escalateAfter = "01:00:00", scheduleId = (string?)null, agentIds = new[] { "ada@acme.test" } } },
            })).EnsureSuccessStatusCode();
            for (var i = 0; i < total; i++)
            {
                await PostMailAsync(host, SyntheticMail.NewConversation(run + "e", i, TimeProvider.System.GetUtcNow()));
                await work.DrainAsync(skip: q => q == QueueNames.EscalationChecks);
            }
            var ids = (await http.GetFromJsonAsync<JsonElement>($"/api/conversations?status=open&limit={total}")).GetProperty("items")
                .EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
            foreach (var id in ids)
            {
                await ReplyAsync(http, id, await ETagAsync(http, $"/api/conversations/{id}"));
                await work.DrainAsync(skip: q => q == QueueNames.EscalationChecks);
            }
            // The checks stayed queued until now, so each finds its conversation answered, whatever the clock says.
            await Task.Delay(target + TimeSpan.FromSeconds(1));
            for (var i = 0; i < total; i++)
            {
                tally.Reset();
                Check(await work.HandleOneAsync(QueueNames.EscalationChecks), $"only {i} escalation checks were due");
                add(i, new OperationCost([], tally.Snapshot(), [QueueNames.EscalationChecks], [], [.. tally.Requests()]));
            }
            var pages = (await http.GetFromJsonAsync<JsonElement>("/api/oncall/pages")).GetProperty("items").GetArrayLength();
            Check(pages == 0, $"{pages} pages went out for answered conversations");
        }

        async Task KnowledgeBaseAsync(HttpClient http, int total, Action<int, OperationCost> add)
        {
            var ids = new List<string>();
            for (var a = 0; a < Articles; a++)
            {
                var created = await http.PostAsJsonAsync("/api/kb/articles", new
                {
                    title = $"How to fix problem {a} {run}",
                    body = $"## Steps\n\nRestart the router, then open **settings** and choose option {a}.\n\n- one\n- two\n",
                    status = "published",
                });
                created.EnsureSuccessStatusCode();
                ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
            await work.DrainAsync();
            for (var i = 0; i < total; i++)
            {
                var id = ids[i % ids.Count];
                var etag = await ETagAsync(http, $"/api/kb/articles/{id}");
                var cost = await MeasureAsync(async () =>
                {
                    using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/kb/articles/{id}")
                    {
                        Content = JsonContent.Create(new { body = $"## Steps\n\nRestart the router (edit {i}), then open **settings**.\n" }),
                    };
                    put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
                    (await http.SendAsync(put)).EnsureSuccessStatusCode();
                });
                Check(cost.Handled.Contains(QueueNames.KbPublishes), "changing a published article did not publish the site");
                add(i, cost);
            }
        }
    }

    private static async Task<string> PostMailAsync(BenchHost host, byte[] mime)
    {
        var content = new ByteArrayContent(mime);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var response = await host.Http.PostAsync($"/api/inbound/mime?key={host.WebhookSecret}", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task ReplyAsync(HttpClient http, string conversationId, string etag)
    {
        using var reply = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/replies")
        {
            Content = JsonContent.Create(new { text = "Sorry about that: a replacement is on its way, tracking number to follow." }),
        };
        reply.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        var response = await http.SendAsync(reply);
        Check(response.IsSuccessStatusCode, $"the reply got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string> ETagAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.ToString();
    }

    private static async Task<string> StartIncidentAsync(HttpClient http)
    {
        var component = await http.PostAsJsonAsync("/api/status/components", new { name = "Email delivery" });
        component.EnsureSuccessStatusCode();
        var componentId = (await component.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var incident = await http.PostAsJsonAsync("/api/status/incidents", new
        {
            title = "Delayed email",
            impact = "minor",
            status = "investigating",
            message = "Some replies are delayed.",
            components = new[] { new { id = componentId, state = "degraded_performance" } },
            notify = true,
        });
        incident.EnsureSuccessStatusCode();
        return (await incident.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task StatusUpdateAsync(HttpClient http, string incident, int i)
    {
        var response = await http.PostAsJsonAsync($"/api/status/incidents/{incident}/updates", new
        {
            status = i % 2 == 0 ? "identified" : "monitoring",
            message = $"Update {i}: the mail provider is draining its queue.",
            notify = true,
        });
        Check(response.IsSuccessStatusCode, $"the status update got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition) throw new InvalidOperationException(problem);
    }
}
