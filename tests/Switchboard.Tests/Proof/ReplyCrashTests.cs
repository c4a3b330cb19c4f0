using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Replies;
using Switchboard.Storage.Mail;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;
using Xunit.Abstractions;

namespace Switchboard.Tests.Proof;

/// <summary>
/// An agent's reply whose delivery dies around the provider call (in process: a mail sender that stops the handler at
/// a crash point; and one real SIGKILL of a child local host) is sent at most once and never silently lost: it ends
/// sent, or failed with a reason the agent can act on.
/// </summary>
public sealed class ReplyCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(CrashPoint.BeforeProviderCall, 0)]
    [InlineData(CrashPoint.AfterProviderAccepted, 1)]
    public async Task A_reply_whose_delivery_died_mid_send_is_failed_for_the_agent_never_sent_twice(CrashPoint point, int copiesSent)
    {
        var sender = new CrashingMailSender(mail => mail.Subject.StartsWith("Re: ", StringComparison.Ordinal));
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Mail:SendLease"] = Lease.ToString() },
            services: s => s.AddSingleton<IMailSender>(sp => sender.Around(ActivatorUtilities.CreateInstance<MailSinkSender>(sp))),
            queuePump: false, fakeTime: true);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var reply = await agent.ReplyAcceptedAsync(id, new { text = "Please try a new drum." });
        var queued = Assert.Single((await host.Storage.Queue(QueueNames.OutboundEmail).ReceiveMessagesAsync(1)).Value).Body.ToString();
        var deliver = host.Services.GetRequiredService<DeliverOutboundEmail>();

        sender.Armed = point;
        await Assert.ThrowsAsync<SimulatedCrash>(() => deliver.HandleAsync(queued)); // the host dies here
        await deliver.HandleAsync(queued); // the queue message is back before the in-flight mark ran out
        Assert.Equal("sending", await StateAsync(agent, id, reply.Str("id")));
        host.Time!.Advance(Lease + TimeSpan.FromSeconds(2));
        await deliver.HandleAsync(queued); // looked at again once the mark ran out

        var (conversation, _) = await agent.GetAsync(id);
        var failed = ReplyDriver.Message(conversation, reply.Str("id"));
        Assert.Equal("failed", failed.Str("deliveryState"));
        Assert.Equal(DeliverOutboundEmail.InterruptedDetail, failed.Str("deliveryDetail"));
        Assert.Equal(copiesSent, await CopiesAsync(host, reply.Str("messageId")));

        // The agent checked and sends it again on purpose: one more copy, and the reply says sent.
        Assert.Equal(HttpStatusCode.Accepted, (await agent.PostAsync($"/api/conversations/{id}/messages/{reply.Str("id")}/retry")).StatusCode);
        await agent.DeliverQueuedAsync();
        Assert.Equal("sent", await StateAsync(agent, id, reply.Str("id")));
        Assert.Equal(copiesSent + 1, await CopiesAsync(host, reply.Str("messageId")));
    }

    [Fact]
    public async Task A_reply_delivered_again_after_its_outcome_was_recorded_is_not_sent_again()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var reply = await agent.ReplyAcceptedAsync(id, new { text = "Please try a new drum." });
        var queued = Assert.Single((await host.Storage.Queue(QueueNames.OutboundEmail).ReceiveMessagesAsync(1)).Value).Body.ToString();
        var deliver = host.Services.GetRequiredService<DeliverOutboundEmail>();

        await deliver.HandleAsync(queued);
        await deliver.HandleAsync(queued); // the host died before deleting the queue message

        Assert.Equal("sent", await StateAsync(agent, id, reply.Str("id")));
        Assert.Equal(1, await CopiesAsync(host, reply.Str("messageId")));
    }

    /// <summary>
    /// The local host as a child process, its pump sending replies, is SIGKILLed while agents post them; a new host on
    /// the same storage settles every accepted reply as sent (one copy) or failed as interrupted (at most one copy).
    /// The test command posts 12 replies and kills once; SWITCHBOARD_REPLY_CRASH_REPLIES and
    /// SWITCHBOARD_REPLY_CRASH_KILLS ask for more (after each kill but the last a new child takes the agents' posts).
    /// </summary>
    [Fact]
    public async Task Replies_survive_a_SIGKILL_of_the_host_sent_at_most_once_and_none_left_sending()
    {
        var replies = ProofScale.Get("SWITCHBOARD_REPLY_CRASH_REPLIES", 12, min: 2);
        var kills = ProofScale.Get("SWITCHBOARD_REPLY_CRASH_KILLS", 1);
        if (replies < 2 * (kills + 1))
        {
            throw new ArgumentException($"{replies} replies are too few for {kills} kills: each host must get some before it dies.");
        }
        var connectionString = (await Azurite.GetAsync()).ConnectionString;
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string> { ["Mail:SendLease"] = "00:00:03" };
        var accepted = new ConcurrentDictionary<string, (string Conversation, string MessageId)>();
        await using (var hosts = new ChildHosts(() => CrashTests.StartChildAsync(connectionString, prefix, settings),
            c => c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestHost.ApiKey)))
        {
            await hosts.StartAsync();
            var client = (await hosts.CurrentAsync())!.Client;
            var emails = StorageDownTests.Threads(threads: replies, perThread: 1);
            foreach (var email in emails)
            {
                var content = new ByteArrayContent(email.ToBytes());
                content.Headers.ContentType = new("message/rfc822");
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/inbound/mime?key={TestHost.WebhookSecret}", content)).StatusCode);
            }
            List<string> ids = [];
            Assert.True(await Eventually.TrueAsync(async () =>
            {
                ids = await OpenConversationIdsAsync(client);
                return ids.Count == emails.Count;
            }, TimeSpan.FromSeconds(60 + replies / 2)), $"{ids.Count} of {emails.Count} conversations before the replies");

            var answered = 0;
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (id, _) =>
            {
                if (await hosts.CurrentAsync() is not { } child)
                {
                    return; // the last kill is done: the agents stop
                }
                try
                {
                    using var get = await child.Client.GetAsync($"/api/conversations/{id}");
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{id}/replies") { Content = JsonContent.Create(new { text = "On its way." }) };
                    request.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
                    using var response = await child.Client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var message = await response.Content.ReadFromJsonAsync<JsonElement>();
                        accepted[message.Str("id")] = (id, message.Str("messageId"));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // The host is gone: the agent saw no 202.
                }
                // Kill number k once k/(kills+1) of the replies are answered: each while the pump sends the others.
                var count = Interlocked.Increment(ref answered);
                if (count >= (hosts.Kills + 1) * ids.Count / (kills + 1))
                {
                    await hosts.KillAsync(child, kills);
                }
            });
            Assert.Equal(kills, hosts.Kills);
        }
        Assert.NotEmpty(accepted);

        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["LocalHost:Queues:ReceiveVisibility"] = "00:00:05",
            ["Mail:SendLease"] = "00:00:03",
        }, prefix: prefix);
        var agent = new ReplyDriver(host);
        var states = new Dictionary<string, (string State, string Detail)>();
        var settled = await Eventually.TrueAsync(async () =>
        {
            foreach (var (messageRowKey, (conversationId, _)) in accepted)
            {
                var message = ReplyDriver.Message((await agent.GetAsync(conversationId)).Conversation, messageRowKey);
                states[messageRowKey] = (message.Str("deliveryState"), message.TryGetProperty("deliveryDetail", out var d) ? d.GetString() ?? "" : "");
            }
            return states.Values.All(s => s.State == "sent" || (s.State == "failed" && s.Detail == DeliverOutboundEmail.InterruptedDetail));
        }, TimeSpan.FromSeconds(60 + Math.Max(0, replies - 12)));
        Assert.True(settled, string.Join(Environment.NewLine, states.Select(s => $"{s.Key}: {s.Value.State} ({s.Value.Detail})")));
        foreach (var (messageRowKey, (_, messageId)) in accepted)
        {
            var copies = await CopiesAsync(host, messageId);
            Assert.True(states[messageRowKey].State == "sent" ? copies == 1 : copies <= 1, $"{messageRowKey} is {states[messageRowKey].State} with {copies} copies sent");
        }
        output.WriteLine($"{replies} conversations to reply to, {kills} kills; {accepted.Count} replies accepted (none posted after the last kill): "
            + $"{states.Values.Count(s => s.State == "sent")} sent once, {states.Values.Count(s => s.State == "failed")} failed as interrupted.");
    }

    private static async Task<List<string>> OpenConversationIdsAsync(HttpClient client)
    {
        List<string> ids = [];
        string? token = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/conversations?status=open&limit=100" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.Str("id")));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return ids;
    }

    private static async Task<string> StateAsync(ReplyDriver agent, string conversationId, string messageRowKey) =>
        ReplyDriver.Message((await agent.GetAsync(conversationId)).Conversation, messageRowKey).Str("deliveryState");

    /// <summary>How many copies of the mail with this Message-ID the mail sink took.</summary>
    private static async Task<int> CopiesAsync(TestHost host, string messageId) =>
        (await host.Services.GetRequiredService<MailSinkStore>().ListAsync(1000))
            .Count(m => JsonSerializer.Deserialize<Dictionary<string, string>>(m.Headers)?.GetValueOrDefault("Message-ID") == $"<{messageId}>");
}
