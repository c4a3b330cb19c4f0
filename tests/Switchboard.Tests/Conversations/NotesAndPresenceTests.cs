using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core;
using Switchboard.Handlers.Conversations;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Conversations;

public sealed class NotesAndPresenceTests
{
    [Fact]
    public async Task Note_is_shown_as_a_note_by_its_author_and_never_emailed_to_the_customer()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        using var signIn = new SignInDriver(host);
        var id = await toolkit.NewConversationAsync();
        var mailBefore = (await signIn.MailAsync()).Count;

        var response = await toolkit.NoteAsync(id, "Customer is on the legacy plan; check invoices first.");
        await toolkit.Mail.DrainAsync(QueueNames.NoteMentions, host.Services.GetRequiredService<NotifyMentionedAgents>().HandleAsync);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var conversation = await toolkit.Mail.ConversationAsync(id);
        var note = conversation.Messages().Last();
        Assert.Equal("note", note.Str("kind"));
        Assert.Equal("outbound", note.Str("direction"));
        Assert.Equal(await toolkit.FirstAdminIdAsync(), note.Str("authorAgentId"));
        Assert.Equal("Customer is on the legacy plan; check invoices first.", note.Str("text"));
        Assert.Equal(2, conversation.GetProperty("version").GetInt32());
        Assert.Equal(1, (await toolkit.ItemAsync("", id)).GetProperty("messageCount").GetInt32());
        Assert.Equal(mailBefore, (await signIn.MailAsync()).Count);
    }

    [Theory]
    [InlineData("""{"text":""}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{}""")]
    public async Task Empty_note_is_400_naming_text(string json)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        var id = await toolkit.NewConversationAsync();

        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{id}/notes")
        {
            Headers = { Authorization = new("Bearer", TestHost.ApiKey) },
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text", await response.FieldAsync());
    }

    [Fact]
    public async Task Note_on_an_unknown_conversation_is_404()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);

        var response = await new ToolkitDriver(host).NoteAsync("c0123456789abcdef0123456", "hello");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Mentioned_agent_gets_one_email_with_a_link_even_when_the_queue_message_comes_twice()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        using var signIn = new SignInDriver(host);
        await signIn.InviteAndSignInAsync("bob.stone@acme.test", "agent", "Bob Stone");
        await signIn.InviteAndSignInAsync("carol@acme.test", "agent", "Carol King");
        var id = await toolkit.NewConversationAsync();

        var response = await toolkit.NoteAsync(id, "@BobStone can you look at the invoice? (Carol, FYI only.)");
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        var handler = host.Services.GetRequiredService<NotifyMentionedAgents>();
        var queued = (await host.Storage.Queue(QueueNames.NoteMentions).ReceiveMessagesAsync(1)).Value.Single().Body.ToString();
        await handler.HandleAsync(queued);
        await handler.HandleAsync(queued);

        Assert.Equal([await signIn.AgentIdAsync("bob.stone@acme.test")], added.GetProperty("mentioned").EnumerateArray().Select(a => a.GetString()));
        var toBob = (await signIn.MailToAsync("bob.stone@acme.test")).Where(m => m.Str("subject").Contains("mentioned you")).ToList();
        var mention = Assert.Single(toBob);
        Assert.Equal("admin mentioned you: Printer on fire", mention.Str("subject"));
        var text = (await signIn.Client.GetFromJsonAsync<JsonElement>($"/api/dev/mail/{mention.Str("id")}")).Str("text");
        Assert.Contains($"/conversations/{id}", text);
        Assert.Contains("can you look at the invoice?", text);
        Assert.DoesNotContain(await signIn.MailToAsync("carol@acme.test"), m => m.Str("subject").Contains("mentioned you"));
    }

    [Fact]
    public async Task Note_without_a_mention_emails_nobody()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var toolkit = new ToolkitDriver(host);
        using var signIn = new SignInDriver(host);
        await signIn.InviteAndSignInAsync("bob@acme.test", "agent", "Bob Stone");
        var id = await toolkit.NewConversationAsync();
        var mailBefore = (await signIn.MailAsync()).Count;

        await toolkit.NoteAsync(id, "Wrote to bob@acme.test about it; no @mention here@ either.");
        await toolkit.Mail.DrainAsync(QueueNames.NoteMentions, host.Services.GetRequiredService<NotifyMentionedAgents>().HandleAsync);

        Assert.Equal(mailBefore, (await signIn.MailAsync()).Count);
    }

    [Fact]
    public async Task Second_agent_viewing_is_seen_until_their_heartbeat_is_40_seconds_old()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        using var signIn = new SignInDriver(host);
        var bob = await signIn.InviteAndSignInAsync("bob@acme.test", "agent", "Bob Stone");
        var id = await toolkit.NewConversationAsync();

        Assert.Equal(HttpStatusCode.OK, (await bob.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/presence", new { state = "replying" })).StatusCode);
        var others = await Others(await toolkit.BeatAsync(id));
        host.Time!.Advance(TimeSpan.FromSeconds(41));
        var later = await Others(await toolkit.BeatAsync(id));
        var bobSees = await Others(await bob.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/presence", new { state = "viewing" }));

        var seen = Assert.Single(others);
        Assert.Equal("Bob Stone", seen.Str("name"));
        Assert.Equal("replying", seen.Str("state"));
        Assert.Empty(later);
        Assert.Equal("admin", Assert.Single(bobSees).Str("name"));
    }

    [Theory]
    [InlineData("""{"state":"typing"}""", "state")]
    [InlineData("""{}""", "state")]
    public async Task Bad_heartbeat_is_400_naming_the_field(string json, string field)
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var id = await new ToolkitDriver(host).NewConversationAsync();

        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{id}/presence")
        {
            Headers = { Authorization = new("Bearer", TestHost.ApiKey) },
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
    }

    [Fact]
    public async Task Conversation_is_unread_until_opened_and_again_after_new_activity()
    {
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true);
        var toolkit = new ToolkitDriver(host);
        var first = new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Printer on fire", "It is on fire.");
        await toolkit.Mail.PostMimeAsync(first.ToBytes());
        await toolkit.Mail.ProcessQueuedAsync();
        var id = Assert.Single(await toolkit.IdsAsync(""));
        Assert.True((await toolkit.ItemAsync("", id)).GetProperty("unread").GetBoolean());

        await toolkit.BeatAsync(id);
        Assert.False((await toolkit.ItemAsync("", id)).GetProperty("unread").GetBoolean());

        host.Time!.Advance(TimeSpan.FromMinutes(5));
        await toolkit.Mail.PostMimeAsync(new TestEmail("Ana Pereira <ana@example.com>", "support@acme.test", "Re: Printer on fire", "Still burning.") { InReplyTo = first.MessageId }.ToBytes());
        await toolkit.Mail.ProcessQueuedAsync();
        Assert.True((await toolkit.ItemAsync("", id)).GetProperty("unread").GetBoolean());
    }

    private static async Task<List<JsonElement>> Others(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("others").EnumerateArray()];
    }
}
