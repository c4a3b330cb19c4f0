using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Switchboard.Storage.Mail;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.KnowledgeBase.KbClient;
using static Switchboard.Tests.KnowledgeBase.PublicFeedbackTests;

namespace Switchboard.Tests.KnowledgeBase;

public sealed class ContactFormTests
{
    private static readonly object Form = new
    {
        name = "Ada Lovelace", email = "ada@example.com", subject = "Refund for order 1042", message = "I was charged twice.\nPlease refund one.",
        session = new string('c', 24),
    };

    [Fact]
    public async Task A_contact_form_post_starts_a_conversation_the_customer_s_reply_to_the_confirmation_joins()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var inbound = new InboundDriver(host);

        var answer = await JsonAsync(await host.Client.PostAsJsonAsync("/api/public/contact", Form), HttpStatusCode.Accepted);
        await inbound.ProcessQueuedAsync();

        Assert.Contains("within one business day", answer.Str("message"));
        var conversation = await inbound.ConversationAsync((await inbound.SingleConversationAsync()).Str("id"));
        Assert.Equal(("Refund for order 1042", "support@acme.test"), (conversation.Str("subject"), conversation.Str("mailbox")));
        var first = Assert.Single(conversation.Messages());
        Assert.Contains("ada@example.com", first.GetProperty("from").ToString());
        Assert.Contains("I was charged twice.", first.Str("text"));

        var confirmation = Assert.Single(await host.Services.GetRequiredService<MailSinkStore>().ListAsync(10), m => m.To == "ada@example.com");
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(confirmation.Headers)!;
        Assert.Equal("We got your message: Refund for order 1042", confirmation.Subject);
        Assert.StartsWith("Hi Ada Lovelace,", confirmation.Text);
        Assert.Equal(("auto-replied", $"<{first.Str("messageId")}>"), (headers["Auto-Submitted"], headers["In-Reply-To"]));

        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Ada Lovelace", "ada@example.com"));
        reply.To.Add(MailboxAddress.Parse("support@acme.test"));
        reply.Subject = "Re: " + confirmation.Subject;
        reply.MessageId = "reply-1@example.com";
        reply.InReplyTo = headers["Message-ID"].Trim('<', '>');
        reply.References.Add(first.Str("messageId"));
        reply.References.Add(reply.InReplyTo);
        reply.Body = new TextPart("plain") { Text = "The order number is 1042." };
        using var raw = new MemoryStream();
        await reply.WriteToAsync(raw);
        await inbound.DeliverRawAsync(raw.ToArray());
        await inbound.ProcessQueuedAsync();

        var after = await inbound.ConversationAsync(conversation.Str("id"));
        Assert.Single(await inbound.AllConversationsAsync());
        Assert.Equal(2, after.Messages().Length);
    }

    [Fact]
    public async Task A_form_post_carries_its_attachment_into_the_conversation()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var inbound = new InboundDriver(host);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Grace Hopper"), "name" }, { new StringContent("grace@example.com"), "email" },
            { new StringContent("Screenshot of the error"), "subject" }, { new StringContent("See attached."), "message" },
            { new ByteArrayContent([1, 2, 3, 4]) { Headers = { ContentType = new("image/png") } }, "attachment", "error.png" },
        };

        var response = await host.Client.PostAsync("/api/public/contact", form);
        await inbound.ProcessQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var conversation = await inbound.ConversationAsync((await inbound.SingleConversationAsync()).Str("id"));
        var attachment = Assert.Single(Assert.Single(conversation.Messages()).GetProperty("attachments").EnumerateArray());
        Assert.Equal(("error.png", "image/png", 4), (attachment.Str("name"), attachment.Str("contentType"), attachment.GetProperty("size").GetInt32()));
    }

    [Fact]
    public async Task Bad_posts_are_400s_naming_the_field_and_a_bot_is_answered_alike_but_nothing_is_stored()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var inbound = new InboundDriver(host);

        var badEmail = await host.Client.PostAsJsonAsync("/api/public/contact", new { name = "A", email = "not an address", subject = "Hi", message = "Hello" });
        var noMessage = await host.Client.PostAsJsonAsync("/api/public/contact", new { name = "A", email = "a@example.com", subject = "Hi" });
        var malformed = await host.Client.PostAsync("/api/public/contact", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"));
        var bot = await host.Client.PostAsJsonAsync("/api/public/contact",
            new { name = "Bot", email = "bot@example.com", subject = "Offer", message = "Buy", website = "http://spam.example" });
        var person = await host.Client.PostAsJsonAsync("/api/public/contact", new { name = "Ada", email = "known@example.com", subject = "Hi", message = "Hello" });
        await inbound.ProcessQueuedAsync();

        Assert.Equal("email", (await ProblemAsync(badEmail, HttpStatusCode.BadRequest)).Str("field"));
        Assert.Equal("message", (await ProblemAsync(noMessage, HttpStatusCode.BadRequest)).Str("field"));
        await ProblemAsync(malformed, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Accepted, bot.StatusCode);
        Assert.Equal(await person.Content.ReadAsStringAsync(), await bot.Content.ReadAsStringAsync());
        Assert.Equal("known@example.com", (await inbound.SingleConversationAsync()).GetProperty("customer").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_visitor_who_opened_a_suggestion_and_then_wrote_in_was_not_deflected()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        var session = new string('c', 24);
        await host.Client.PostAsJsonAsync("/api/public/kb/contact-visits", new { session, @event = "visit" });
        await host.Client.PostAsJsonAsync("/api/public/kb/contact-visits", new { session, @event = "opened" });
        await host.Client.PostAsJsonAsync("/api/public/kb/contact-visits", new { session = new string('d', 24), @event = "opened" });

        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync("/api/public/contact", Form)).StatusCode);

        var week = (await JsonAsync(await SendAsync(host, HttpMethod.Get, "/api/kb/deflection?weeks=1"), HttpStatusCode.OK)).GetProperty("weeks")[0];
        Assert.Equal((2, 1, 1, 0.5), (week.GetProperty("openedSuggestion").GetInt32(), week.GetProperty("submitted").GetInt32(),
            week.GetProperty("deflected").GetInt32(), week.GetProperty("rate").GetDouble()));
    }

    [Fact]
    public async Task The_team_edits_the_confirmation_and_the_contact_page_states_their_hours()
    {
        await using var host = await TestHost.StartAsync(FastPublishing());
        await JsonAsync(await SendAsync(host, HttpMethod.Put, "/api/kb/contact-settings", new
        {
            supportHours = "every weekday from 8 to 18 CET", responseTime = "within four hours",
            confirmationSubject = "Got it: {{subject}}", confirmationBody = "Hello {{name}}, Sam here. We answer {{responseTime}}.",
        }), HttpStatusCode.OK);
        var bad = await SendAsync(host, HttpMethod.Put, "/api/kb/contact-settings", new { supportHours = "x" });

        Assert.Equal("responseTime", (await ProblemAsync(bad, HttpStatusCode.BadRequest)).Str("field"));
        await PublishedAsync(host);
        var page = await host.Client.GetStringAsync("/kb/contact/");
        Assert.Contains("We are here every weekday from 8 to 18 CET and answer within four hours.", page);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsJsonAsync("/api/public/contact", Form)).StatusCode);
        var sent = Assert.Single(await host.Services.GetRequiredService<MailSinkStore>().ListAsync(10), m => m.To == "ada@example.com");
        Assert.Equal(("Got it: Refund for order 1042", "Hello Ada Lovelace, Sam here. We answer within four hours."), (sent.Subject, sent.Text));
    }
}
