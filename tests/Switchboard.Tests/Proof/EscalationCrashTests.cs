using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Escalation;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Phone;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.Mail;
using Switchboard.Tests.Escalation;
using Switchboard.Tests.Inbound;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;

namespace Switchboard.Tests.Proof;

/// <summary>
/// The host dies while paging (in process: the mail sender stops the page at a crash point). The level's page is
/// claimed before it is sent; a claim never marked sent is taken over once it is older than
/// <see cref="EscalationOptions.AbandonedClaimAfter"/>, so the page is late, never lost. The takeover sends the same
/// page (its id is derived from the claim): dying after the provider took the email sends that email again with the
/// same Message-ID, which a mail store keeps once, and the person has one page: one log entry, one working
/// acknowledge link. SWITCHBOARD_ESCALATION_CRASH_ROUNDS repeats the cycle over that many conversations (default 1).
/// </summary>
public sealed class EscalationCrashTests
{
    private static readonly TimeSpan PastDue = TimeSpan.FromSeconds(31);

    private static int Rounds => ProofScale.Get("SWITCHBOARD_ESCALATION_CRASH_ROUNDS", 1);

    [Theory]
    [InlineData(CrashPoint.BeforeProviderCall, false)]
    [InlineData(CrashPoint.AfterProviderAccepted, false)]
    [InlineData(CrashPoint.BeforeProviderCall, true)]
    [InlineData(CrashPoint.AfterProviderAccepted, true)]
    public async Task A_page_cut_off_by_a_crash_reaches_the_person_as_one_page_and_the_next_level_pages_once_unless_acknowledged(CrashPoint point, bool acknowledge)
    {
        var sender = new CrashingMailSender(mail => mail.Subject.StartsWith("[Page]", StringComparison.Ordinal));
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true,
            services: s => s.AddSingleton<IMailSender>(sp => sender.Around(ActivatorUtilities.CreateInstance<MailSinkSender>(sp))));
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]), EscalationDriver.Level(agentIds: ["carol@acme.test"]) } });
        var engine = host.Services.GetRequiredService<EscalationEngine>();
        var abandonedAfter = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EscalationOptions>>().Value.AbandonedClaimAfter;

        for (var round = 0; round < Rounds; round++)
        {
            var conversation = await driver.CustomerWritesAsync($"Printer on fire, round {round}");
            var state = (await driver.StateAsync(conversation))!;
            var check = new EscalationCheck(state.DueRowKey, conversation, 0, state.DueAt);

            sender.Armed = point;
            host.Time!.Advance(TimeSpan.FromMinutes(10) + PastDue);
            try
            {
                await engine.CheckAsync(check);
            }
            catch (SimulatedCrash)
            {
                // the host dies here (or the host's own minute timer got there first and died instead)
            }
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(sender.Armed is null)), "the page was never attempted");
            await engine.CheckAsync(check); // redelivered at once: the claim is held, nobody is paged meanwhile
            Assert.Equal(point == CrashPoint.AfterProviderAccepted ? 1 : 0, (await PagesAboutAsync(driver, conversation)).Count);

            await driver.AdvanceAsync(abandonedAfter + TimeSpan.FromSeconds(1));
            await engine.CheckAsync(check); // and again: marked sent now

            // What the sink received, honestly: the email again when the provider had taken it before the crash.
            var copies = (await PagesAboutAsync(driver, conversation)).Where(p => p.To == "ada@acme.test").ToList();
            Assert.Equal(point == CrashPoint.AfterProviderAccepted ? 2 : 1, copies.Count);
            // ... but one page as the person sees it: one link, one log entry, one Message-ID (a mail store keeps one copy).
            var link = Assert.Single(copies.Select(EscalationDriver.AcknowledgePath).Distinct());
            var logged = Assert.Single(await PageLogAsync(driver, conversation));
            Assert.Equal("ada@acme.test", logged.Str("agentId"));
            Assert.Contains(logged.Str("id"), link);
            Assert.StartsWith("sb.page.", Assert.Single(copies.Select(MessageIdOf).Distinct()));

            if (acknowledge)
            {
                Assert.Equal(HttpStatusCode.OK, (await driver.AcknowledgeAsync(link)).StatusCode);
            }
            await driver.AdvanceAsync(TimeSpan.FromMinutes(5) + PastDue);
            await driver.AdvanceAsync(TimeSpan.FromMinutes(1));
            var levelTwo = (await PagesAboutAsync(driver, conversation)).Count(p => p.To == "carol@acme.test");
            Assert.Equal(acknowledge ? 0 : 1, levelTwo);
            Assert.Equal(acknowledge ? EscalationStates.Acknowledged : EscalationStates.Finished, (await driver.StateAsync(conversation))!.State);
            Assert.Equal(acknowledge ? 1 : 2, (await PageLogAsync(driver, conversation)).Count);
        }
    }

    /// <summary>
    /// The host dies after the page's text went out (the email, the log entry and the page count are written by then)
    /// and before the claim is marked sent: the takeover sends the email again under the same Message-ID, and finds the
    /// log entry and the text's claim, so the person gets one text and the log one entry.
    /// </summary>
    [Fact]
    public async Task A_crash_after_the_page_was_texted_sends_no_second_text_and_logs_the_page_once()
    {
        var phone = new CrashAfterText();
        await using var host = await TestHost.StartAsync(PhoneDriver.Settings, queuePump: false, fakeTime: true,
            services: s => s.AddSingleton<IPhoneGateway>(sp => phone.Around(ActivatorUtilities.CreateInstance<PhoneSinkGateway>(sp))));
        var driver = new PhoneDriver(host);
        var dana = await driver.InviteAsync();
        await driver.VerifyAsync(dana, "sms", PhoneDriver.Mobile);
        await driver.RulesAsync(dana, PhoneDriver.Rule("sms", 0));
        await driver.Escalation.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: [dana]), EscalationDriver.Level(agentIds: ["carol@acme.test"]) } });
        var engine = host.Services.GetRequiredService<EscalationEngine>();
        var abandonedAfter = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EscalationOptions>>().Value.AbandonedClaimAfter;
        var conversation = await driver.Escalation.CustomerWritesAsync();
        var state = (await driver.Escalation.StateAsync(conversation))!;
        var check = new EscalationCheck(state.DueRowKey, conversation, 0, state.DueAt);

        phone.Armed = true;
        host.Time!.Advance(TimeSpan.FromMinutes(10) + PastDue);
        try
        {
            await engine.CheckAsync(check);
        }
        catch (SimulatedCrash)
        {
            // the host dies here (or the host's own minute timer got there first and died instead)
        }
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(!phone.Armed)), "the page was never texted");
        await driver.Escalation.AdvanceAsync(abandonedAfter + TimeSpan.FromSeconds(1));
        await engine.CheckAsync(check);

        var copies = (await PagesAboutAsync(driver.Escalation, conversation)).Where(p => p.To == "dana@acme.test").ToList();
        Assert.Equal(2, copies.Count);
        Assert.Single(await driver.PagesSentAsync());
        var logged = Assert.Single(await PageLogAsync(driver.Escalation, conversation));
        Assert.StartsWith("sb.page.", Assert.Single(copies.Select(MessageIdOf).Distinct()));
        Assert.Equal(dana, logged.Str("agentId"));
        // The text went out but the crash came before it was recorded on the page: the log shows the email only.
        Assert.Equal(["email"], logged.GetProperty("channels").EnumerateArray().Select(c => c.Str("channel")));

        await driver.Escalation.AdvanceAsync(TimeSpan.FromMinutes(5) + PastDue);
        Assert.Single(await PagesAboutAsync(driver.Escalation, conversation), p => p.To == "carol@acme.test");
    }

    /// <summary>Texts through the phone sink; once armed, the next page text goes out and then the host dies.</summary>
    private sealed class CrashAfterText
    {
        private int armed;

        public bool Armed
        {
            get => Volatile.Read(ref armed) == 1;
            set => Volatile.Write(ref armed, value ? 1 : 0);
        }

        public IPhoneGateway Around(IPhoneGateway inner) => new Gateway(this, inner);

        private sealed class Gateway(CrashAfterText owner, IPhoneGateway inner) : IPhoneGateway
        {
            public async Task<PhoneSendResult> SendSmsAsync(string to, string body, CancellationToken cancellationToken = default)
            {
                var result = await inner.SendSmsAsync(to, body, cancellationToken);
                if (body.StartsWith("Switchboard page", StringComparison.Ordinal) && Interlocked.CompareExchange(ref owner.armed, 0, 1) == 1)
                {
                    throw new SimulatedCrash();
                }
                return result;
            }

            public Task<PhoneSendResult> CallAsync(string to, string twiml, CancellationToken cancellationToken = default) =>
                inner.CallAsync(to, twiml, cancellationToken);
        }
    }

    private static async Task<List<SinkMailEntity>> PagesAboutAsync(EscalationDriver driver, string conversationId) =>
        [.. (await driver.PagesAsync()).Where(p => p.Text.Contains($"/conversations/{conversationId}", StringComparison.Ordinal))];

    private static async Task<List<JsonElement>> PageLogAsync(EscalationDriver driver, string conversationId) =>
        [.. (await driver.PageLogAsync($"?conversationId={conversationId}")).GetProperty("items").EnumerateArray()];

    private static string? MessageIdOf(SinkMailEntity mail)
    {
        using var headers = JsonDocument.Parse(mail.Headers);
        return headers.RootElement.TryGetProperty("Message-ID", out var id) ? id.GetString()?.Trim('<', '>') : null;
    }
}
