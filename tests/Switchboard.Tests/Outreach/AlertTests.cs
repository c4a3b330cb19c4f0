using System.Net;
using System.Text.Json;
using Switchboard.Tests.Escalation;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;

namespace Switchboard.Tests.Outreach;

/// <summary>
/// <c>POST /api/alerts</c> over Azurite with a fake clock (09:00 UTC on 2 March 2026): outreach drafts from the team's
/// template, grouping by customer and dedup key, paging through the escalation policy, and the storm limits.
/// </summary>
public sealed class AlertTests
{
    private const string Ann = "ann@example.com";

    private static Task<TestHost> StartAsync(Dictionary<string, string?>? settings = null) =>
        TestHost.StartAsync(settings, queuePump: false, fakeTime: true);

    [Fact]
    public async Task An_alert_opens_an_outreach_draft_from_the_template_which_an_agent_sends_through_the_reply_path()
    {
        await using var host = await StartAsync();
        var driver = new OutreachDriver(host);
        await driver.PutTemplateAsync("Your export: {summary}", "Hi {name}, we noticed that {summary} at {time}; we are on it.");

        var received = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", "export-42", link: "https://errors.example.test/issues/42"));

        Assert.Equal("opened", received.Str("outcome"));
        var conversationId = received.Str("conversationId");
        var draft = await driver.DraftAsync(conversationId);
        Assert.Equal(received.Str("draftId"), draft.Str("id"));
        Assert.Equal("submitted", draft.Str("state"));
        Assert.Equal("Hi Ann, we noticed that your export failed at 09:00; we are on it.", draft.Str("text"));
        Assert.Contains(await driver.WaitingDraftsAsync(), d => d.Str("id") == draft.Str("id"));

        var conversation = await driver.ConversationAsync(conversationId);
        Assert.Equal("Your export: your export failed", conversation.Str("subject"));
        Assert.Equal(Ann, conversation.GetProperty("customer").Str("email"));
        Assert.Contains(conversation.GetProperty("tags").EnumerateArray(), t => t.GetString() == "outreach");
        var note = Assert.Single(conversation.GetProperty("messages").EnumerateArray());
        Assert.Equal("note", note.Str("kind"));
        Assert.Contains("https://errors.example.test/issues/42", note.Str("text"));

        var approved = await driver.Drafts.ApproveAsync(draft.Str("id"), TestHost.ApiKey);
        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        await driver.Drafts.Replies.DeliverQueuedAsync();
        var mail = Assert.Single(await driver.MailToAsync(Ann));
        Assert.Contains("we noticed that your export failed at 09:00", mail.Text);
        Assert.DoesNotContain("errors.example.test", mail.Text); // the tracker's link is for the team
    }

    [Fact]
    public async Task Repeated_alerts_for_a_customer_group_into_one_draft_and_a_known_dedup_key_only_counts()
    {
        await using var host = await StartAsync();
        var driver = new OutreachDriver(host);

        var first = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", "export"));
        host.Time!.Advance(TimeSpan.FromMinutes(5));
        var again = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", "export"));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var other = await driver.PostAsync(OutreachDriver.Alert(Ann, "the invoice PDF did not render", "invoice-pdf"));
        var bob = await driver.PostAsync(OutreachDriver.Alert("bob@example.com", "your export failed", "export"));

        Assert.Equal(["opened", "grouped", "grouped", "opened"], new[] { first, again, other, bob }.Select(r => r.Str("outcome")));
        Assert.Equal([false, true, false], new[] { first, again, other }.Select(r => r.GetProperty("repeat").GetBoolean()));
        Assert.Equal(first.Str("draftId"), other.Str("draftId"));
        Assert.Equal(3, other.GetProperty("alertsInGroup").GetInt32());
        Assert.NotEqual(first.Str("conversationId"), bob.Str("conversationId"));

        var draft = await driver.DraftAsync(first.Str("conversationId"));
        Assert.Contains("your export failed; the invoice PDF did not render at 09:00", draft.Str("text"));
        var notes = (await driver.ConversationAsync(first.Str("conversationId"))).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, notes.Count); // one per distinct error, not per occurrence
        Assert.Equal(2, (await driver.WaitingDraftsAsync()).Length);
    }

    [Fact]
    public async Task After_the_draft_was_sent_and_the_group_window_passed_a_new_alert_opens_a_new_draft()
    {
        await using var host = await StartAsync();
        var driver = new OutreachDriver(host);
        var first = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", "export"));
        Assert.Equal(HttpStatusCode.Accepted, (await driver.Drafts.ApproveAsync(first.Str("draftId"), TestHost.ApiKey)).StatusCode);

        host.Time!.Advance(TimeSpan.FromMinutes(30));
        var within = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", "export"));
        Assert.Equal("grouped", within.Str("outcome")); // the customer was just told: no second mail

        host.Time.Advance(TimeSpan.FromMinutes(61));
        var later = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", "export"));
        Assert.Equal("opened", later.Str("outcome"));
        Assert.NotEqual(first.Str("conversationId"), later.Str("conversationId"));
    }

    [Fact]
    public async Task Alerts_at_or_above_the_page_severity_page_on_call_now_and_the_text_carries_only_the_subject()
    {
        await using var host = await StartAsync(PhoneDriver.Settings);
        var driver = new OutreachDriver(host);
        var phone = new PhoneDriver(host);
        var dana = await phone.InviteAsync();
        await phone.VerifyAsync(dana, "sms", PhoneDriver.Mobile);
        await phone.RulesAsync(dana, PhoneDriver.Rule("sms", 0));
        await driver.Escalation.PutPolicyAsync(new
        {
            levels = new[] { EscalationDriver.Level(after: "00:30:00", agentIds: [dana]), EscalationDriver.Level(agentIds: ["bob@acme.test"]) },
        });

        var warning = await driver.PostAsync(OutreachDriver.Alert("bob@example.com", "slow search", severity: "warning"));
        Assert.False(warning.GetProperty("paged").GetBoolean());
        Assert.Empty(await driver.PagesAsync());

        var error = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", link: "https://errors.example.test/issues/42"));
        Assert.True(error.GetProperty("paged").GetBoolean());
        var page = Assert.Single(await driver.PagesAsync());
        Assert.Contains("We noticed a problem: your export failed", page.Text);
        var sms = Assert.Single(await phone.PagesSentAsync());
        Assert.Contains("\"We noticed a problem: your export failed\"", sms.Body);
        Assert.DoesNotContain(Ann, sms.Body);
        Assert.DoesNotContain("errors.example.test", sms.Body);

        var repeat = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", severity: "critical"));
        Assert.False(repeat.GetProperty("paged").GetBoolean()); // a group pages once
        Assert.Single(await driver.PagesAsync());
        Assert.Equal("active", (await driver.Escalation.StateAsync(error.Str("conversationId")))!.State); // level 2 comes 30 minutes later
    }

    [Fact]
    public async Task Sending_the_outreach_draft_ends_the_alerts_escalation_before_the_next_level()
    {
        await using var host = await StartAsync();
        var driver = new OutreachDriver(host);
        await driver.Escalation.PutPolicyAsync(new
        {
            levels = new[] { EscalationDriver.Level(after: "00:30:00", agentIds: ["dana@acme.test"]), EscalationDriver.Level(agentIds: ["bob@acme.test"]) },
        });
        var alert = await driver.PostAsync(OutreachDriver.Alert(Ann, "your export failed", severity: "critical"));
        Assert.Equal(["dana@acme.test"], (await driver.PagesAsync()).Select(p => p.To));

        Assert.Equal(HttpStatusCode.Accepted, (await driver.Drafts.ApproveAsync(alert.Str("draftId"), TestHost.ApiKey)).StatusCode);
        await driver.Escalation.AdvanceAsync(TimeSpan.FromMinutes(31));

        Assert.Equal("resolved", (await driver.Escalation.StateAsync(alert.Str("conversationId")))!.State);
        Assert.Single(await driver.PagesAsync()); // bob was never paged
    }

    [Fact]
    public async Task An_error_storm_opens_and_pages_at_most_the_configured_number_per_window()
    {
        await using var host = await StartAsync(new()
        {
            ["Outreach:MaxDraftsPerWindow"] = "3",
            ["Outreach:MaxPagesPerWindow"] = "2",
            ["Outreach:StormWindow"] = "01:00:00",
        });
        var driver = new OutreachDriver(host);
        await driver.Escalation.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["oncall@acme.test"]) } });

        var outcomes = new List<JsonElement>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add(await driver.PostAsync(OutreachDriver.Alert($"customer{i}@example.com", "database unreachable", "db", severity: "critical")));
        }

        Assert.Equal(["opened", "opened", "opened", "suppressed", "suppressed", "suppressed"], outcomes.Select(o => o.Str("outcome")));
        Assert.Equal([true, true, false, false, false, false], outcomes.Select(o => o.GetProperty("paged").GetBoolean()));
        Assert.Equal(2, (await driver.PagesAsync()).Count);
        Assert.Equal(3, (await driver.WaitingDraftsAsync()).Length);

        host.Time!.Advance(TimeSpan.FromHours(1)); // the next window
        var next = await driver.PostAsync(OutreachDriver.Alert("customer9@example.com", "database unreachable", "db", severity: "critical"));
        Assert.Equal("opened", next.Str("outcome"));
        Assert.True(next.GetProperty("paged").GetBoolean());
        Assert.Equal(3, (await driver.PagesAsync()).Count);
    }

    [Fact]
    public async Task A_sentry_issue_alert_opens_a_draft_for_the_user_it_names_and_an_external_id_is_remembered()
    {
        await using var host = await StartAsync();
        var driver = new OutreachDriver(host);

        var sentry = await driver.PostRawAsync(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests/Switchboard.Tests/TestData/Outreach/sentry-issue-alert.json")));
        var body = JsonDocument.Parse(await sentry.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Accepted, sentry.StatusCode);
        Assert.Equal("sentry", body.Str("source"));
        Assert.Equal(Ann, (await driver.ConversationAsync(body.Str("conversationId"))).GetProperty("customer").Str("email"));

        var legacy = await driver.PostRawAsync(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests/Switchboard.Tests/TestData/Outreach/sentry-legacy-webhook.json")));
        var legacyBody = JsonDocument.Parse(await legacy.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Accepted, legacy.StatusCode);
        Assert.Equal("opened", legacyBody.Str("outcome"));
        Assert.Equal("bob@example.com", (await driver.ConversationAsync(legacyBody.Str("conversationId"))).GetProperty("customer").Str("email"));

        var byId = await driver.PostAsync(new { customer = new { externalId = "42" }, summary = "import failed", dedupKey = "import" });
        Assert.Equal("grouped", byId.Str("outcome")); // user 42 is Ann, as Sentry said
        Assert.Equal(body.Str("conversationId"), byId.Str("conversationId"));
    }

    [Fact]
    public async Task Alerts_without_a_key_are_401_and_malformed_ones_400_naming_the_field()
    {
        await using var host = await StartAsync();
        var driver = new OutreachDriver(host);

        Assert.Equal(HttpStatusCode.Unauthorized, (await driver.PostRawAsync(JsonSerializer.Serialize(OutreachDriver.Alert(Ann, "x")), key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await driver.PostRawAsync(JsonSerializer.Serialize(OutreachDriver.Alert(Ann, "x")), key: "sbk_0123456789abcdef_wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await driver.PostRawAsync("summary=x", contentType: "application/x-www-form-urlencoded")).StatusCode);

        foreach (var (json, field) in new[]
        {
            ("{\"summary\": \"x\"}", "customer"),
            ("{\"customer\": {\"email\": \"not an address\"}, \"summary\": \"x\"}", "customer.email"),
            ("{\"customer\": {\"email\": \"ann@example.com\"}}", "summary"),
            ("{\"customer\": {\"email\": \"ann@example.com\"}, \"summary\": \"x\", \"severity\": \"apocalyptic\"}", "severity"),
            ("{\"customer\": {\"email\": \"ann@example.com\"}, \"summary\": \"x\", \"link\": \"javascript:alert(1)\"}", "link"),
            ("{\"customer\": {\"externalId\": \"never-seen\"}, \"summary\": \"x\"}", "customer.externalId"),
        })
        {
            var response = await driver.PostRawAsync(json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(problem.TryGetProperty("field", out var named) && named.GetString() == field, $"{json}: {problem}");
        }
        var notJson = await driver.PostRawAsync("{\"customer\": ");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Empty(await driver.WaitingDraftsAsync());
    }

    [Fact]
    public async Task Only_admins_change_the_template_and_unknown_placeholders_are_refused()
    {
        await using var host = await StartAsync();
        var driver = new OutreachDriver(host);
        var agentKey = await driver.Drafts.Replies.ApiKeyAsync("Agent Smith", "agent");

        await driver.PutTemplateAsync("Hello", "Hi {name}", status: 403, key: agentKey);
        var invalid = await driver.PutTemplateAsync("Hello {customer}", "Hi {nmae}", status: 400);
        Assert.Contains("{nmae}", invalid.GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.True(invalid.GetProperty("errors").TryGetProperty("subject", out _));

        var saved = await driver.PutTemplateAsync("About {summary}", "Hi {name}, sorry about {summary} ({count}x).");
        Assert.Equal("About {summary}", saved.Str("subject"));
        var read = await driver.Drafts.SendAsync(HttpMethod.Get, "/api/outreach/template", agentKey);
        Assert.Equal("Hi {name}, sorry about {summary} ({count}x).", JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.Str("body"));
    }
}
