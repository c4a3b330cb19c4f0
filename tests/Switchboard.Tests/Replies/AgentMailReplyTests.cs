using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Replies;

/// <summary>Agents get each new conversation by email and can answer it from their own mail client.</summary>
public sealed class AgentMailReplyTests
{
    /// <summary>Our receiving server is mx.acme.test; its Authentication-Results vouch for mail from acme.test.</summary>
    private static readonly Dictionary<string, string?> Settings = new() { ["Mail:TeamName"] = "Acme Support", ["Inbound:TrustedAuthServIds:0"] = "mx.acme.test" };

    private static async Task<JsonElement> NotificationToAsync(ReplyDriver agent, string email) =>
        Assert.Single(await agent.SinkAsync(), m => m.Str("to") == email && m.Str("subject").StartsWith("[Acme Support]", StringComparison.Ordinal));

    private static byte[] MailReply(JsonElement notification, string from, string body) =>
        new TestEmail(from, notification.GetProperty("headers").Str("Reply-To"), "Re: " + notification.Str("subject"), body)
        {
            InReplyTo = notification.GetProperty("headers").Str("Message-ID").Trim('<', '>'),
            TopHeaders = ["Authentication-Results: mx.acme.test; spf=pass smtp.mailfrom=acme.test; dkim=pass header.d=acme.test"],
        }.ToBytes();

    [Fact]
    public async Task An_agents_answer_to_the_notification_goes_to_the_customer_as_their_reply_once()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        using var team = new SignInDriver(host);
        await team.InviteAndSignInAsync("alice@acme.test", "agent", "Alice Jones");
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var notification = await NotificationToAsync(agent, "alice@acme.test");
        Assert.Equal("\"Acme Support\" <support@acme.test>", notification.Str("from"));
        Assert.Contains("It jams on every page.", notification.Str("text"));
        var answer = MailReply(notification, "Alice Jones <alice@acme.test>",
            "Please clean the rollers.\r\n\r\nOn Mon, 2 Mar 2026 at 10:00, Acme Support <support@acme.test> wrote:\r\n> New conversation from Dana Customer");

        await agent.Mail.PostMimeAsync(answer);
        await agent.Mail.PostMimeAsync(answer); // the provider delivers it twice
        await agent.Mail.ProcessQueuedAsync();
        await agent.DeliverQueuedAsync();

        var (conversation, _) = await agent.GetAsync(id);
        var reply = Assert.Single(conversation.Messages(), m => m.Str("direction") == "outbound");
        Assert.Equal("Please clean the rollers.", reply.Str("text"));
        Assert.Equal("Alice at Acme Support", reply.GetProperty("from").Str("name"));
        Assert.Equal("sent", reply.Str("deliveryState"));
        var sent = Assert.Single(await agent.SinkAsync(), m => m.Str("to") == "\"Dana Customer\" <dana@example.com>");
        Assert.Equal("Please clean the rollers.", sent.Str("text").Trim());
        Assert.Equal(2, conversation.Messages().Length);
    }

    [Fact]
    public async Task Mail_from_an_agents_address_that_names_no_notification_is_an_ordinary_message_and_sends_nothing()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        using var team = new SignInDriver(host);
        await team.InviteAndSignInAsync("alice@acme.test", "agent", "Alice Jones");
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var (conversation, _) = await agent.GetAsync(id);

        // Someone who knows the reply address (the customer does) writes "as" Alice.
        await agent.Mail.PostMimeAsync(new TestEmail("Alice Jones <alice@acme.test>", conversation.Str("replyAddress"), "Re: Printer jams", "Refund approved!").ToBytes());
        await agent.Mail.ProcessQueuedAsync();

        Assert.Equal(0, await agent.QueuedOutboundAsync());
        var (after, _) = await agent.GetAsync(id);
        Assert.DoesNotContain(after.Messages(), m => m.Str("direction") == "outbound");
    }

    [Fact]
    public async Task A_trainees_mail_answer_is_kept_as_a_note_and_not_sent()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        using var team = new SignInDriver(host);
        await team.InviteAndSignInAsync("tom@acme.test", "trainee", "Tom Trainee");
        var agent = new ReplyDriver(host);
        var id = await agent.StartConversationAsync();
        var notification = await NotificationToAsync(agent, "tom@acme.test");

        await agent.Mail.PostMimeAsync(MailReply(notification, "tom@acme.test", "Have you tried turning it off and on?"));
        await agent.Mail.ProcessQueuedAsync();

        Assert.Equal(0, await agent.QueuedOutboundAsync());
        var (conversation, _) = await agent.GetAsync(id);
        var note = Assert.Single(conversation.Messages(), m => m.Str("kind") == "note");
        Assert.Contains("turning it off and on", note.Str("text"));
    }

    [Fact]
    public async Task An_agent_who_turns_notifications_off_gets_none()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        using var team = new SignInDriver(host);
        var alice = await team.InviteAndSignInAsync("alice@acme.test", "agent", "Alice Jones");
        alice.CsrfToken = (await alice.MeAsync()).Str("csrfToken");

        var response = await alice.SendAsync(HttpMethod.Patch, "/api/auth/me/preferences", new { notifyNewConversations = false });
        var agent = new ReplyDriver(host);
        await agent.StartConversationAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notifyNewConversations").GetBoolean());
        Assert.DoesNotContain(await agent.SinkAsync(), m => m.Str("to") == "alice@acme.test" && m.Str("subject").StartsWith("[Acme Support]", StringComparison.Ordinal));
    }
}
