using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;

namespace Switchboard.Tests.Escalation;

/// <summary>How pages reach people: bundled per person, by email and the agent's webhook; and the policy API's rules.</summary>
public sealed class PagingChannelTests
{
    [Fact]
    public async Task Conversations_due_together_go_to_one_person_in_one_page_by_email_and_webhook()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Escalation:AllowLocalWebhooks"] = "true" }, queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);
        using var receiver = new WebhookReceiver();
        var invited = await OnCallDriver.ReadAsync(await driver.OnCall.SendAsync(HttpMethod.Post, "/api/agents/invitations", new { email = "dana@acme.test", name = "Dana", role = "agent" }), 201);
        var dana = invited.Str("id");
        await OnCallDriver.ReadAsync(await driver.OnCall.SendAsync(HttpMethod.Put, $"/api/oncall/agents/{dana}/paging", new { webhookUrl = receiver.Url }), 200);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: [dana]) } });
        await driver.CustomerWritesAsync("Printer on fire");
        host.Time!.Advance(TimeSpan.FromSeconds(20));
        await driver.CustomerWritesAsync("Fax on fire");

        await driver.AdvanceAsync(TimeSpan.FromMinutes(11));

        var page = Assert.Single(await driver.PagesAsync());
        Assert.Equal("dana@acme.test", page.To);
        Assert.Equal("[Page] 2 conversations waiting on support@acme.test", page.Subject);
        Assert.Contains("Printer on fire", page.Text);
        Assert.Contains("Fax on fire", page.Text);
        var posted = Assert.Single(receiver.Bodies);
        var text = JsonDocument.Parse(posted).RootElement.GetProperty("text").GetString()!;
        Assert.Contains("Printer on fire", text);
        Assert.Contains("/api/oncall/acknowledge/", text);
        var logged = (await driver.PageLogAsync()).GetProperty("items")[0];
        Assert.Equal(["email", "webhook"], logged.GetProperty("channels").EnumerateArray().Select(c => c.Str("channel")));
        Assert.All(logged.GetProperty("channels").EnumerateArray(), c => Assert.True(c.GetProperty("ok").GetBoolean()));
        Assert.Equal(2, logged.GetProperty("conversations").GetArrayLength());
    }

    [Fact]
    public async Task Policy_api_names_bad_fields_and_guards_concurrent_edits()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var driver = new EscalationDriver(host);

        var invalid = await driver.PutPolicyAsync(new { levels = new[] { new { escalateAfter = "00:00:00", scheduleId = "snope", agentIds = Array.Empty<string>() } } }, status: 400);
        Assert.Equal("levels[0].escalateAfter", invalid.Str("field"));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("levels[0].scheduleId", out _));
        Assert.Equal("supportHours", (await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada"]) }, afterHours = "wait" }, status: 400)).Str("field"));

        var created = await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada"]) } });
        Assert.Equal("00:10:00", created.GetProperty("policy").Str("targetFirstResponse"));
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["bob"]) } }, status: 428);
        var updated = await driver.PutPolicyAsync(new { targetFirstResponse = "00:05:00", levels = new[] { EscalationDriver.Level(agentIds: ["bob"]) } }, ifMatch: created.Str("etag"));
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["carol"]) } }, ifMatch: created.Str("etag"), status: 409);

        var read = await driver.OnCall.GetAsync($"/api/oncall/policies/{EscalationDriver.Mailbox}");
        Assert.Equal("00:05:00", read.GetProperty("policy").Str("targetFirstResponse"));
        Assert.Equal(updated.Str("etag"), read.Str("etag"));
        Assert.Equal(HttpStatusCode.NotFound, (await driver.OnCall.SendAsync(HttpMethod.Get, "/api/oncall/policies/nobody@acme.test")).StatusCode);
        var list = await driver.OnCall.GetAsync("/api/oncall/policies");
        Assert.Equal(JsonValueKind.Null, list.GetProperty("items").EnumerateArray().Single(i => i.Str("mailbox") == "billing@acme.test").GetProperty("policy").ValueKind);
    }

    /// <summary>A local stand-in for a Slack/Teams incoming webhook: records every body posted to it.</summary>
    private sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener listener = new();

        public WebhookReceiver()
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/hook/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    try
                    {
                        var context = await listener.GetContextAsync();
                        using var reader = new StreamReader(context.Request.InputStream);
                        Bodies.Enqueue(await reader.ReadToEndAsync());
                        context.Response.StatusCode = 200;
                        context.Response.Close();
                    }
                    catch (Exception) when (!listener.IsListening)
                    {
                        return;
                    }
                }
            });
        }

        public string Url { get; }

        public System.Collections.Concurrent.ConcurrentQueue<string> Bodies { get; } = new();

        public void Dispose() => listener.Close();

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
