using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Escalation;
using Switchboard.Handlers.Mail;
using Switchboard.Tests.Escalation;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Proof;

/// <summary>
/// The host dies while paging (in process: the mail sender stops the page at a crash point). The level's page is
/// claimed before it is sent; a claim never marked sent is taken over once it is older than
/// <see cref="EscalationOptions.AbandonedClaimAfter"/>, so the page is late, never lost. Chosen trade-off
/// (at least once): dying after the provider took the page but before the claim records it pages that level twice.
/// </summary>
public sealed class EscalationCrashTests
{
    private static readonly TimeSpan PastDue = TimeSpan.FromSeconds(31);

    [Theory]
    [InlineData(CrashPoint.BeforeProviderCall, 1)]
    [InlineData(CrashPoint.AfterProviderAccepted, 2)]
    public async Task A_page_cut_off_by_a_crash_is_sent_once_the_claim_is_abandoned_and_the_next_level_pages_once(CrashPoint point, int pagesToLevelOne)
    {
        var sender = new CrashingMailSender(mail => mail.Subject.StartsWith("[Page]", StringComparison.Ordinal));
        await using var host = await TestHost.StartAsync(queuePump: false, fakeTime: true,
            services: s => s.AddSingleton<IMailSender>(sp => sender.Around(ActivatorUtilities.CreateInstance<MailSinkSender>(sp))));
        var driver = new EscalationDriver(host);
        await driver.PutPolicyAsync(new { levels = new[] { EscalationDriver.Level(agentIds: ["ada@acme.test"]), EscalationDriver.Level(agentIds: ["carol@acme.test"]) } });
        var conversation = await driver.CustomerWritesAsync();
        var state = (await driver.StateAsync(conversation))!;
        var check = new EscalationCheck(state.DueRowKey, conversation, 0, state.DueAt);
        var engine = host.Services.GetRequiredService<EscalationEngine>();

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
        Assert.Equal(point == CrashPoint.AfterProviderAccepted ? 1 : 0, (await driver.PagesAsync()).Count);

        await driver.AdvanceAsync(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EscalationOptions>>().Value.AbandonedClaimAfter
            + TimeSpan.FromSeconds(1));
        await engine.CheckAsync(check); // and again: marked sent now
        Assert.Equal(pagesToLevelOne, (await driver.PagesAsync()).Count(p => p.To == "ada@acme.test"));

        await driver.AdvanceAsync(TimeSpan.FromMinutes(5) + PastDue);
        await driver.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Single(await driver.PagesAsync(), p => p.To == "carol@acme.test");
    }
}
