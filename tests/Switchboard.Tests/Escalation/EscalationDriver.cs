using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Conversations;
using Switchboard.Storage.Conversations;
using Switchboard.Handlers.Escalation;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.Mail;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;

namespace Switchboard.Tests.Escalation;

/// <summary>
/// Sets up a mailbox's escalation policy, lets a customer write in, moves the fake clock, and reads the pages that went
/// out (the mail sink) and the page log. Hosts run with the queue pump off: the fake clock cannot make a queue message
/// visible, so due checks fire from the sweep, exactly as when their messages are lost.
/// </summary>
public sealed partial class EscalationDriver(TestHost host)
{
    public const string Mailbox = "support@acme.test";

    public OnCallDriver OnCall { get; } = new(host);

    public InboundDriver Inbound { get; } = new(host);

    public async Task<string> ScheduleAsync(string startDate = "2026-03-02", params string[] participants) =>
        (await OnCall.CreateAsync(OnCallDriver.Body(startDate: startDate, participants: participants))).Str("id");

    public async Task<JsonElement> PutPolicyAsync(object body, string? ifMatch = null, int status = 200) =>
        await OnCallDriver.ReadAsync(await OnCall.SendAsync(HttpMethod.Put, $"/api/oncall/policies/{Mailbox}", body, ifMatch), status);

    public static object Level(string? scheduleId = null, string after = "00:05:00", params string[] agentIds) =>
        new { escalateAfter = after, scheduleId, agentIds };

    /// <summary>A customer writes in; the new conversation's id once inbound processing (and its domain event) is done.</summary>
    public async Task<string> CustomerWritesAsync(string subject = "Printer on fire")
    {
        var response = await Inbound.PostMimeAsync(new TestEmail("customer@example.com", Mailbox, subject).ToBytes());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Inbound.ProcessQueuedAsync();
        return (await Inbound.AllConversationsAsync()).Single(c => c.Str("subject") == subject).Str("id");
    }

    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(host.Time!.GetUtcNow() + by);

    /// <summary>
    /// Moves the clock and sweeps until no overdue check is left. The host's own minute timer wakes up too and may
    /// hold a page's claim for a moment, so the sweep is repeated until every overdue check has moved on.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset at)
    {
        host.Time!.SetUtcNow(at);
        var sweep = host.Services.GetRequiredService<SweepEscalations>();
        var store = host.Services.GetRequiredService<EscalationStore>();
        var grace = TimeSpan.FromSeconds(30);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await sweep.RunAsync();
            return (await store.DueAsync(at - grace)).Count == 0;
        }), "Overdue escalation checks were left unhandled.");
    }

    /// <summary>The pages in the mail sink, oldest first.</summary>
    public async Task<List<SinkMailEntity>> PagesAsync() =>
        [.. (await host.Services.GetRequiredService<MailSinkStore>().ListAsync(100)).Where(m => m.Subject.StartsWith("[Page]", StringComparison.Ordinal)).Reverse()];

    public async Task<List<SinkMailEntity>> MailAsync(string subjectPrefix) =>
        [.. (await host.Services.GetRequiredService<MailSinkStore>().ListAsync(100)).Where(m => m.Subject.StartsWith(subjectPrefix, StringComparison.Ordinal)).Reverse()];

    public static string AcknowledgePath(SinkMailEntity page) => AckLink().Match(page.Text).Groups[1].Value;

    public Task<HttpResponseMessage> AcknowledgeAsync(string path) => host.Client.PostAsync(path, null);

    public async Task<JsonElement> PageLogAsync(string query = "") => await OnCall.GetAsync("/api/oncall/pages" + query);

    public Task<EscalationEntity?> StateAsync(string conversationId) => host.Services.GetRequiredService<EscalationStore>().GetAsync(conversationId);

    /// <summary>An agent answers (here by a logged call, which counts as an answer as a reply does).</summary>
    public Task ReplyAsync(string conversationId) => host.Services.GetRequiredService<ConversationUpdater>().UpdateAsync(conversationId, conversation =>
    {
        var now = host.Time!.GetUtcNow();
        conversation.LogCall(now);
        return ConversationEdit.Add(new MessageEntity
        {
            RowKey = "m" + Guid.NewGuid().ToString("N")[..23],
            Kind = MessageKinds.Call,
            Direction = "outbound",
            Text = "Called the customer back.",
            SentAt = now,
            ReceivedAt = now,
        });
    });

    [GeneratedRegex(@"Acknowledge[^:]*: (\S*/api/oncall/acknowledge/\S+)")]
    private static partial Regex AckLink();
}
