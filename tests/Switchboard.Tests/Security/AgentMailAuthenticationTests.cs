using System.Net;
using System.Text.Json;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Security;

/// <summary>
/// An agent's answer to a notification goes to the customer only when it went to that notification's secret reply
/// address for that agent and the sender's domain passed SPF, DKIM or DMARC by a check we trust. Anything else that
/// claims to be such an answer becomes a note marked unverified, the agent is told, and the customer gets nothing.
/// </summary>
public sealed class AgentMailAuthenticationTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Mail:TeamName"] = "Acme Support", ["Inbound:TrustedAuthServIds:0"] = "mx.acme.test" };

    private sealed record Setup(TestHost Host, ReplyDriver Driver, string ConversationId, JsonElement Notification) : IAsyncDisposable
    {
        public string NotificationId => Notification.GetProperty("headers").Str("Message-ID").Trim('<', '>');
        public string SecretReplyAddress => Notification.GetProperty("headers").Str("Reply-To");

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    private static async Task<Setup> AliceIsNotifiedAsync()
    {
        var host = await TestHost.StartAsync(Settings, queuePump: false);
        using var team = new SignInDriver(host);
        await team.InviteAndSignInAsync("alice@acme.test", "agent", "Alice Jones");
        var driver = new ReplyDriver(host);
        var id = await driver.StartConversationAsync();
        var notification = Assert.Single(await driver.SinkAsync(), m => m.Str("to") == "alice@acme.test" && m.Str("subject").StartsWith("[Acme Support]", StringComparison.Ordinal));
        return new Setup(host, driver, id, notification);
    }

    /// <summary>A SendGrid Inbound Parse post in raw mode, with SendGrid's own SPF and DKIM verdicts.</summary>
    private static async Task<HttpResponseMessage> PostToSendGridWebhookAsync(TestHost host, byte[] raw, string to, string envelopeFrom, string spf, string dkim)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(raw), "email" },
            { new StringContent($$"""{"to":["{{to}}"],"from":"{{envelopeFrom}}"}"""), "envelope" },
            { new StringContent(spf), "SPF" },
            { new StringContent(dkim), "dkim" },
        };
        return await host.Client.PostAsync($"/api/inbound/sendgrid?key={TestHost.WebhookSecret}", form);
    }

    private static async Task AssertNothingReachedTheCustomerAsync(Setup setup)
    {
        Assert.Equal(0, await setup.Driver.QueuedOutboundAsync());
        Assert.DoesNotContain(await setup.Driver.SinkAsync(), m => m.Str("to").Contains("dana@example.com", StringComparison.Ordinal));
        var (conversation, _) = await setup.Driver.GetAsync(setup.ConversationId);
        Assert.DoesNotContain(conversation.Messages(), m => m.Str("kind") == "email" && m.Str("direction") == "outbound");
    }

    [Fact]
    public async Task A_forged_answer_naming_a_known_notification_becomes_an_unverified_note_and_nothing_is_sent()
    {
        await using var setup = await AliceIsNotifiedAsync();
        var (before, _) = await setup.Driver.GetAsync(setup.ConversationId);
        // The attacker learnt the notification's Message-ID (a forward, a quoted reply) and knows the conversation's
        // reply address (the customer does); their server signs for its own domain only.
        var forged = new TestEmail("Alice Jones <alice@acme.test>", before.Str("replyAddress"), "Re: Printer jams", "Refund approved, reply with your card number.")
        {
            InReplyTo = setup.NotificationId,
        };

        var response = await PostToSendGridWebhookAsync(setup.Host, forged.ToBytes(), before.Str("replyAddress"), "bounce@evil.example", "pass", "{@evil.example : pass}");
        await setup.Driver.Mail.ProcessQueuedAsync();
        await setup.Driver.DeliverQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await AssertNothingReachedTheCustomerAsync(setup);
        var (conversation, _) = await setup.Driver.GetAsync(setup.ConversationId);
        var note = Assert.Single(conversation.Messages(), m => m.Str("kind") == "note");
        Assert.Contains("unverified-mail-reply", note.Flags());
        Assert.Equal(JsonValueKind.Null, note.GetProperty("authorAgentId").ValueKind);
        Assert.Contains("Refund approved", note.Str("text"));
        var warning = Assert.Single(await setup.Driver.SinkAsync(), m => m.Str("to") == "alice@acme.test" && m.Str("subject").Contains("was not sent", StringComparison.Ordinal));
        Assert.DoesNotContain("card number", warning.Str("text"));
    }

    [Fact]
    public async Task Even_the_secret_reply_address_is_not_enough_when_the_senders_domain_fails_its_checks()
    {
        await using var setup = await AliceIsNotifiedAsync();
        var forged = new TestEmail("alice@acme.test", setup.SecretReplyAddress, "Re: Printer jams", "Refund approved.") { InReplyTo = setup.NotificationId };

        await PostToSendGridWebhookAsync(setup.Host, forged.ToBytes(), setup.SecretReplyAddress, "alice@acme.test", "fail", "{@acme.test : fail}");
        await setup.Driver.Mail.ProcessQueuedAsync();

        await AssertNothingReachedTheCustomerAsync(setup);
        var (conversation, _) = await setup.Driver.GetAsync(setup.ConversationId);
        Assert.Contains("unverified-mail-reply", Assert.Single(conversation.Messages(), m => m.Str("kind") == "note").Flags());
    }

    [Fact]
    public async Task An_answer_to_the_secret_address_that_passes_sendgrids_dkim_check_goes_to_the_customer()
    {
        await using var setup = await AliceIsNotifiedAsync();
        var answer = new TestEmail("Alice Jones <alice@acme.test>", setup.SecretReplyAddress, "Re: Printer jams", "Please clean the rollers.") { InReplyTo = setup.NotificationId };

        await PostToSendGridWebhookAsync(setup.Host, answer.ToBytes(), setup.SecretReplyAddress, "bounces+123@em.acme.test", "softfail", "{@acme.test : pass, @sendgrid.net : pass}");
        await setup.Driver.Mail.ProcessQueuedAsync();
        await setup.Driver.DeliverQueuedAsync();

        var (conversation, _) = await setup.Driver.GetAsync(setup.ConversationId);
        var reply = Assert.Single(conversation.Messages(), m => m.Str("direction") == "outbound");
        Assert.Equal("Please clean the rollers.", reply.Str("text"));
        Assert.Single(await setup.Driver.SinkAsync(), m => m.Str("to").Contains("dana@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_passing_result_the_sender_wrote_below_the_receiving_servers_own_does_not_count()
    {
        await using var setup = await AliceIsNotifiedAsync();
        var forged = new TestEmail("alice@acme.test", setup.SecretReplyAddress, "Re: Printer jams", "Refund approved.")
        {
            InReplyTo = setup.NotificationId,
            TopHeaders =
            [
                "Authentication-Results: mx.acme.test; spf=fail smtp.mailfrom=acme.test; dkim=none; dmarc=fail header.from=acme.test",
                "Received: from evil.example (evil.example [203.0.113.66]) by mx.acme.test",
                "Authentication-Results: mx.acme.test; dkim=pass header.d=acme.test; dmarc=pass header.from=acme.test",
            ],
        };

        await setup.Driver.Mail.PostMimeAsync(forged.ToBytes(), envelopeTo: setup.SecretReplyAddress);
        await setup.Driver.Mail.ProcessQueuedAsync();

        await AssertNothingReachedTheCustomerAsync(setup);
        var (conversation, _) = await setup.Driver.GetAsync(setup.ConversationId);
        Assert.Contains("unverified-mail-reply", Assert.Single(conversation.Messages(), m => m.Str("kind") == "note").Flags());
    }

    [Fact]
    public async Task Each_agent_gets_their_own_reply_address_which_is_not_the_conversations()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        using var team = new SignInDriver(host);
        await team.InviteAndSignInAsync("alice@acme.test", "agent", "Alice Jones");
        await team.InviteAndSignInAsync("bob@acme.test", "agent", "Bob Smith");
        var driver = new ReplyDriver(host);
        var id = await driver.StartConversationAsync();
        var (conversation, _) = await driver.GetAsync(id);

        var replyTos = (await driver.SinkAsync()).Where(m => m.Str("subject").StartsWith("[Acme Support]", StringComparison.Ordinal))
            .Select(m => m.GetProperty("headers").Str("Reply-To")).ToList();

        Assert.Equal(3, replyTos.Count); // the first admin, Alice and Bob
        Assert.Equal(3, replyTos.Distinct().Count());
        Assert.DoesNotContain(conversation.Str("replyAddress"), replyTos);
        Assert.All(replyTos, address => Assert.Matches("^support\\+[a-z2-9]{24}@acme\\.test$", address));
    }
}
