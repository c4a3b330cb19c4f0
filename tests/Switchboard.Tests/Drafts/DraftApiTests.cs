using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Auth;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Replies;

namespace Switchboard.Tests.Drafts;

public sealed class DraftApiTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Mail:TeamName"] = "Acme Support" };

    [Fact]
    public async Task A_trainees_draft_waits_for_approval_then_goes_out_under_the_trainees_name_with_the_approver_recorded()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();
        var tom = await drafts.Replies.ApiKeyAsync("Tom Trainee", "trainee");
        var alice = await drafts.Replies.ApiKeyAsync("Alice Jones", "agent");

        var draft = await drafts.SubmitAsync(id, tom, new { text = "Please try the rear tray.", cc = new[] { "boss@example.com" } });

        Assert.Equal("submitted", draft.Str("state"));
        Assert.Equal(0, await drafts.Replies.QueuedOutboundAsync());
        var queued = Assert.Single(await drafts.ListAsync(alice));
        Assert.Equal(draft.Str("id"), queued.Str("id"));
        Assert.Equal("Printer jams", queued.Str("subject"));
        Assert.Equal("Tom Trainee", queued.GetProperty("author").Str("name"));
        Assert.Equal("submitted", Assert.Single(await drafts.OfConversationAsync(id)).Str("state"));

        var approved = await drafts.ApproveAsync(draft.Str("id"), alice);
        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        await drafts.Replies.DeliverQueuedAsync();

        var (conversation, _) = await drafts.Replies.GetAsync(id);
        var reply = Assert.Single(conversation.Messages(), m => m.Str("direction") == "outbound");
        Assert.Equal("sent", reply.Str("deliveryState"));
        Assert.Contains("approved-draft", reply.Flags());
        Assert.Equal(draft.GetProperty("author").Str("id"), reply.Str("authorAgentId"));
        var mail = Assert.Single(await drafts.Replies.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
        Assert.Equal("\"Tom at Acme Support\" <support@acme.test>", mail.Str("from"));
        Assert.Contains("Please try the rear tray.", mail.Str("text"));
        var after = Assert.Single(await drafts.OfConversationAsync(id));
        Assert.Equal("approved", after.Str("state"));
        Assert.Equal("Alice Jones", after.GetProperty("approvedBy").Str("name"));
        Assert.Equal(reply.Str("id"), after.Str("sentMessageId"));
        Assert.Empty(await drafts.ListAsync(alice));
    }

    [Fact]
    public async Task An_approver_can_edit_the_words_before_sending()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();
        var tom = await drafts.Replies.ApiKeyAsync("Tom Trainee", "trainee");
        var draft = await drafts.SubmitAsync(id, tom, new { text = "try turning it of and on" });

        var approved = await drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey, new { text = "Could you try turning it off and on again?", version = 1 });
        await drafts.Replies.DeliverQueuedAsync();

        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        var mail = Assert.Single(await drafts.Replies.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
        Assert.Contains("turning it off and on again?", mail.Str("text"));
        Assert.DoesNotContain("of and on", mail.Str("text"));
    }

    [Fact]
    public async Task Trainees_cannot_approve_or_return_nor_edit_someone_elses_draft()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();
        var tom = await drafts.Replies.ApiKeyAsync("Tom Trainee", "trainee");
        var tina = await drafts.Replies.ApiKeyAsync("Tina Trainee", "trainee");
        var draft = await drafts.SubmitAsync(id, tom, new { text = "Hello" });

        Assert.Equal(HttpStatusCode.Forbidden, (await drafts.ApproveAsync(draft.Str("id"), tina)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drafts.ApproveAsync(draft.Str("id"), tom)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drafts.ReturnAsync(draft.Str("id"), tom, "nope")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drafts.SendAsync(HttpMethod.Put, $"/api/drafts/{draft.Str("id")}", tina, new { text = "Mine now" })).StatusCode);
        Assert.Equal(0, await drafts.Replies.QueuedOutboundAsync());
        // A trainee's list is their own, whatever the state asked.
        Assert.Single(await drafts.ListAsync(tom));
        Assert.Empty(await drafts.ListAsync(tina));
    }

    [Fact]
    public async Task Two_approvers_at_once_send_the_draft_once_and_the_second_gets_409()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();
        var tom = await drafts.Replies.ApiKeyAsync("Tom Trainee", "trainee");
        var alice = await drafts.Replies.ApiKeyAsync("Alice Jones", "agent");
        var draft = await drafts.SubmitAsync(id, tom, new { text = "On its way." });
        var (_, etag) = await drafts.Replies.GetAsync(id);

        var answers = await Task.WhenAll(
            drafts.ApproveAsync(draft.Str("id"), alice, ifMatch: etag),
            drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey, ifMatch: etag));
        var again = await drafts.ApproveAsync(draft.Str("id"), alice);
        await drafts.Replies.DeliverQueuedAsync();

        Assert.Equal(
            [HttpStatusCode.Accepted, HttpStatusCode.Conflict],
            answers.Select(a => a.StatusCode).Order().ToArray());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var (conversation, _) = await drafts.Replies.GetAsync(id);
        Assert.Single(conversation.Messages(), m => m.Str("direction") == "outbound");
        Assert.Single(await drafts.Replies.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
    }

    [Fact]
    public async Task Approving_after_the_customer_wrote_again_is_409_with_the_new_message_and_the_draft_stays_in_the_queue()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();
        var tom = await drafts.Replies.ApiKeyAsync("Tom Trainee", "trainee");
        var draft = await drafts.SubmitAsync(id, tom, new { text = "Try the rear tray." });
        var (opened, etag) = await drafts.Replies.GetAsync(id);
        await drafts.Replies.Mail.PostMimeAsync(new TestEmail(ReplyDriver.Customer, "support@acme.test", "Re: Printer jams", "Never mind, it works now!")
        {
            InReplyTo = opened.Messages()[0].Str("messageId"),
        }.ToBytes());
        await drafts.Replies.Mail.ProcessQueuedAsync();

        var response = await drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey, ifMatch: etag);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Never mind", Assert.Single(problem.GetProperty("newMessages").EnumerateArray()).Str("visibleText"));
        Assert.Equal(0, await drafts.Replies.QueuedOutboundAsync());
        Assert.Equal("submitted", Assert.Single(await drafts.OfConversationAsync(id)).Str("state"));
        Assert.Single(await drafts.ListAsync(TestHost.ApiKey));
        // With the new ETag it goes out.
        Assert.Equal(HttpStatusCode.Accepted, (await drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey, ifMatch: problem.Str("etag"))).StatusCode);
    }

    [Fact]
    public async Task A_returned_draft_emails_the_trainee_the_comment_and_goes_back_in_the_queue_when_resubmitted()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        using var team = new SignInDriver(host);
        var tom = await team.InviteAndSignInAsync("tom@acme.test", "trainee", "Tom Trainee");
        tom.CsrfToken = (await tom.MeAsync()).Str("csrfToken");
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();
        var submitted = await tom.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/drafts", new { text = "Its broken, buy a new one." });
        var draft = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        var returned = await drafts.ReturnAsync(draft.Str("id"), TestHost.ApiKey, "Offer the rear tray first, and check the spelling.");

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var email = Assert.Single(await drafts.Replies.SinkAsync(), m => m.Str("to").Contains("tom@acme.test") && m.Str("subject").Contains("returned", StringComparison.Ordinal));
        Assert.Contains("Offer the rear tray first", email.Str("text"));
        Assert.Empty(await drafts.ListAsync(TestHost.ApiKey));
        var mine = await (await tom.GetAsync("/api/drafts?state=returned")).Content.ReadFromJsonAsync<JsonElement>();
        var row = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal("Offer the rear tray first, and check the spelling.", row.Str("returnComment"));
        Assert.Equal(HttpStatusCode.Conflict, (await drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey)).StatusCode);

        var resubmitted = await tom.SendAsync(HttpMethod.Put, $"/api/drafts/{draft.Str("id")}", new { text = "It's jammed: please try the rear tray." });

        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        var again = await resubmitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("submitted", again.Str("state"));
        Assert.Equal(2, again.GetProperty("version").GetInt32());
        Assert.Equal(draft.Str("id"), Assert.Single(await drafts.ListAsync(TestHost.ApiKey)).Str("id"));
        Assert.Equal(HttpStatusCode.Accepted, (await drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey)).StatusCode);
        await drafts.Replies.DeliverQueuedAsync();
        var sent = Assert.Single(await drafts.Replies.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
        Assert.Contains("please try the rear tray", sent.Str("text"));
        Assert.Equal(HttpStatusCode.Conflict, (await tom.SendAsync(HttpMethod.Put, $"/api/drafts/{draft.Str("id")}", new { text = "One more thing" })).StatusCode);
    }

    [Fact]
    public async Task A_drafts_attachments_go_out_with_the_approved_reply()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();
        var tom = await drafts.Replies.ApiKeyAsync("Tom Trainee", "trainee");
        var steps = new { name = "steps.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("1. Open tray"u8.ToArray()) };
        var draft = await drafts.SubmitAsync(id, tom, new { text = "See attached.", attachments = new[] { steps } });

        var approved = await drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey);
        await drafts.Replies.DeliverQueuedAsync();

        Assert.Equal("steps.txt", Assert.Single(draft.GetProperty("attachments").EnumerateArray()).Str("name"));
        var message = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message");
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("1. Open tray", await (await drafts.Replies.Mail.GetAsync(attachment.Str("url"))).Content.ReadAsStringAsync());
        var mail = Assert.Single(await drafts.Replies.SinkAsync(), m => m.Str("subject") == "Re: Printer jams");
        Assert.Contains("steps.txt", mail.GetProperty("headers").Str("X-Attachments"));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_unknown_drafts_are_404()
    {
        await using var host = await TestHost.StartAsync(Settings, queuePump: false);
        var drafts = new DraftDriver(host);
        var id = await drafts.Replies.StartConversationAsync();
        var draft = await drafts.SubmitAsync(id, TestHost.ApiKey, new { text = "Hello" });

        var noText = await drafts.SendAsync(HttpMethod.Post, $"/api/conversations/{id}/drafts", TestHost.ApiKey, new { text = " " });
        var noComment = await drafts.ReturnAsync(draft.Str("id"), TestHost.ApiKey, "");
        var noIfMatch = await drafts.SendAsync(HttpMethod.Post, $"/api/drafts/{draft.Str("id")}/approve", TestHost.ApiKey);
        var badState = await drafts.SendAsync(HttpMethod.Get, "/api/drafts?state=lost", TestHost.ApiKey);
        var wrongVersion = await drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey, new { version = 7 });

        Assert.Equal("text", await FieldAsync(noText, HttpStatusCode.BadRequest));
        Assert.Equal("comment", await FieldAsync(noComment, HttpStatusCode.BadRequest));
        Assert.Equal("If-Match", await FieldAsync(noIfMatch, (HttpStatusCode)428));
        Assert.Equal("state", await FieldAsync(badState, HttpStatusCode.BadRequest));
        Assert.Equal("version", await FieldAsync(wrongVersion, HttpStatusCode.Conflict));
        var unknown = "d0123456789abcdef-" + id;
        Assert.Equal(HttpStatusCode.NotFound, (await drafts.ApproveAsync(unknown, TestHost.ApiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await drafts.ReturnAsync("not-a-draft", TestHost.ApiKey, "x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await drafts.SendAsync(HttpMethod.Put, "/api/drafts/nothing", TestHost.ApiKey, new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await drafts.SendAsync(HttpMethod.Post, "/api/conversations/c0123456789abcdef0123456/drafts", TestHost.ApiKey, new { text = "x" })).StatusCode);
        Assert.Equal(0, await drafts.Replies.QueuedOutboundAsync());
    }

    private static async Task<string> FieldAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("field");
    }
}
