using System.Net;
using System.Text.Json;
using Switchboard.Storage.Escalation;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.OnCall;

namespace Switchboard.Tests.Phone;

/// <summary>
/// Notification rules over Azurite with a fake clock: the agent's rules text and call through the phone sink, and
/// Twilio's signed webhooks acknowledge. Steps due later run as their delayed queue message would (queue pump off).
/// </summary>
public sealed class PhonePagingTests
{
    private static async Task<(TestHost Host, PhoneDriver Driver, string Dana)> StartAsync()
    {
        var host = await TestHost.StartAsync(PhoneDriver.Settings, queuePump: false, fakeTime: true);
        var driver = new PhoneDriver(host);
        var dana = await driver.InviteAsync();
        await driver.VerifyAsync(dana, "sms", PhoneDriver.Mobile);
        await driver.VerifyAsync(dana, "voice", PhoneDriver.Desk);
        return (host, driver, dana);
    }

    [Fact]
    public async Task Sms_goes_out_with_the_page_the_call_five_minutes_later_and_the_log_lists_every_attempt()
    {
        var (host, driver, dana) = await StartAsync();
        await using var _ = host;
        await driver.RulesAsync(dana, PhoneDriver.Rule("sms", 0), PhoneDriver.Rule("voice", 5));

        var (_, page) = await driver.PagedAsync(dana);
        var sms = Assert.Single(await driver.PagesSentAsync());
        Assert.Equal(PhoneDriver.Mobile, sms.To);
        Assert.Contains("\"Export failed\"", sms.Body);
        Assert.Contains("Reply 4 to acknowledge", sms.Body);
        Assert.DoesNotContain("customer@example.com", sms.Body);

        host.Time!.Advance(TimeSpan.FromMinutes(4)); // the call's message surfacing early waits again
        await driver.RunStepAsync(page, dana, 1, TimeSpan.FromMinutes(5));
        Assert.Single(await driver.PagesSentAsync());

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await driver.RunStepAsync(page, dana, 1, TimeSpan.FromMinutes(5));
        await driver.RunStepAsync(page, dana, 1, TimeSpan.FromMinutes(5)); // redelivered: calls nobody twice
        var sent = await driver.PagesSentAsync();
        Assert.Equal(["sms", "call"], sent.Select(s => s.Kind));
        Assert.Equal(PhoneDriver.Desk, sent[1].To);
        Assert.Contains("<Gather", sent[1].Body);
        Assert.Contains("Press 4 to acknowledge, or 6 to escalate now.", sent[1].Body);

        var channels = (await driver.Escalation.PageLogAsync()).GetProperty("items")[0].GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(["email", "sms", "voice"], channels.Select(c => c.Str("channel")));
        Assert.All(channels, c => Assert.True(c.GetProperty("ok").GetBoolean()));
        Assert.Equal("+49…6789", channels[1].Str("detail"));
    }

    [Fact]
    public async Task Replying_4_by_sms_acknowledges_and_the_call_never_comes()
    {
        var (host, driver, dana) = await StartAsync();
        await using var _ = host;
        await driver.RulesAsync(dana, PhoneDriver.Rule("sms", 0), PhoneDriver.Rule("voice", 5));
        var (conversation, page) = await driver.PagedAsync(dana);
        host.Time!.Advance(TimeSpan.FromMinutes(2)); // Dana reads the text two minutes later

        var reply = await driver.ReplyBySmsAsync(PhoneDriver.Mobile, " 4 ");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("Acknowledged. Escalation stopped for 1 conversation.", await reply.Content.ReadAsStringAsync());
        // The team's paging figures count the page and its time to acknowledge (the histogram's buckets are ±5 %).
        var paging = (await new Metrics.MetricsDriver(host).GetAsync("")).GetProperty("paging");
        Assert.Equal(1, paging.GetProperty("pages").GetInt32());
        Assert.Equal(1, paging.GetProperty("acknowledged").GetInt32());
        Assert.InRange(paging.GetProperty("medianAckSeconds").GetDouble(), 114, 126);

        host.Time.Advance(TimeSpan.FromMinutes(3));
        await driver.RunStepAsync(page, dana, 1, TimeSpan.FromMinutes(5));
        Assert.Equal(["sms"], (await driver.PagesSentAsync()).Select(s => s.Kind));
        Assert.Equal(EscalationStates.Acknowledged, (await driver.Escalation.StateAsync(conversation))!.State);
        Assert.Equal(dana, (await driver.Escalation.PageLogAsync()).GetProperty("items")[0].Str("acknowledgedBy"));
    }

    [Fact]
    public async Task Pressing_4_on_the_call_acknowledges_and_6_escalates_now()
    {
        var (host, driver, dana) = await StartAsync();
        await using var _ = host;
        await driver.RulesAsync(dana, PhoneDriver.Rule("voice", 0));
        var (conversation, _) = await driver.PagedAsync(dana);
        var call = Assert.Single(await driver.PagesSentAsync());

        var escalated = await driver.PressAsync(call, "6");
        Assert.Contains("Escalated", await escalated.Content.ReadAsStringAsync());
        Assert.Equal(host.Time!.GetUtcNow(), (await driver.Escalation.StateAsync(conversation))!.DueAt); // the next level is due now

        var pressed = await driver.PressAsync(call, "4");
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains("Acknowledged", await pressed.Content.ReadAsStringAsync());
        Assert.Equal(EscalationStates.Acknowledged, (await driver.Escalation.StateAsync(conversation))!.State);
        Assert.Contains("already acknowledged", await (await driver.PressAsync(call, "4")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_signature_is_refused_with_403_and_acknowledges_nothing()
    {
        var (host, driver, dana) = await StartAsync();
        await using var _ = host;
        await driver.RulesAsync(dana, PhoneDriver.Rule("sms", 0), PhoneDriver.Rule("voice", 0));
        var (conversation, _) = await driver.PagedAsync(dana);
        var call = (await driver.PagesSentAsync()).Single(s => s.Kind == "call");

        Assert.Equal(HttpStatusCode.Forbidden, (await driver.ReplyBySmsAsync(PhoneDriver.Mobile, "4", token: "wrong-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.PressAsync(call, "4", token: "wrong-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.PostAsync("/api/twilio/sms", new FormUrlEncodedContent(new Dictionary<string, string> { ["From"] = PhoneDriver.Mobile, ["Body"] = "4" }))).StatusCode);
        Assert.Equal(EscalationStates.Active, (await driver.Escalation.StateAsync(conversation))!.State);
    }

    [Fact]
    public async Task A_failing_channel_falls_through_to_the_next_rule_at_once()
    {
        var (host, driver, dana) = await StartAsync();
        await using var _ = host;
        await driver.RulesAsync(dana, PhoneDriver.Rule("sms", 0), PhoneDriver.Rule("voice", 5));
        Assert.Equal(HttpStatusCode.NoContent, (await driver.Api.SendAsync(HttpMethod.Delete, $"/api/oncall/agents/{dana}/contacts/sms")).StatusCode);

        await driver.PagedAsync(dana);

        Assert.Equal(["call"], (await driver.PagesSentAsync()).Select(s => s.Kind)); // not 5 minutes later
        var channels = (await driver.Escalation.PageLogAsync()).GetProperty("items")[0].GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(["email", "sms", "voice"], channels.Select(c => c.Str("channel")));
        Assert.Equal([true, false, true], channels.Select(c => c.GetProperty("ok").GetBoolean()));
    }
}
