using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Handlers.Escalation;
using Switchboard.Storage;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.Phone;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Phone;

/// <summary>
/// Runs an agent's notification rules for one page ("SMS at once, call after 5 minutes"): each step is a delayed
/// message on <c>page-notifications</c>, claimed insert-only before it texts or calls; it does nothing once the page
/// was acknowledged, the person pressed 6, or every conversation on it was acknowledged or resolved elsewhere. A step
/// that fails (no verified number, Twilio refused after its retries) falls through to the next rule at once. Every
/// attempt is added to the page's channels in the page log.
/// </summary>
public sealed partial class PageNotifier(
    ContactMethods contacts,
    PhoneStore phones,
    PageNotificationStore steps,
    PageLogStore log,
    EscalationStore escalations,
    IPhoneGateway phone,
    PageLinks links,
    WorkQueue queue,
    TimeProvider time,
    ILogger<PageNotifier> logger)
{
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(1);

    /// <summary>After a page went out by email: schedules the first rule (runs it now when it is due at once).</summary>
    public async Task StartAsync(PageRecord page, string agentId, string summary, CancellationToken cancellationToken = default)
    {
        var rules = await contacts.RulesAsync(agentId, cancellationToken);
        if (rules.Count > 0)
        {
            await ScheduleAsync(new PageNotificationStep($"{page.PageId}-00", page.PageId, agentId, 0, summary, page.SentAt,
                page.SentAt + TimeSpan.FromMinutes(rules[0].AfterMinutes)), cancellationToken);
        }
    }

    /// <summary>Queue <c>page-notifications</c>: a step whose delay is over.</summary>
    public async Task RunAsync(PageNotificationStep step, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (step.DueAt - EarlyTolerance > now)
        {
            await queue.SendAsync(QueueNames.PageNotifications, step, WorkQueue.DelayUntil(step.DueAt, now), cancellationToken);
            return;
        }
        if (await log.GetAckAsync(step.PageId, cancellationToken) is not { } ack || await IsSettledAsync(ack, cancellationToken))
        {
            return;
        }
        var rules = await contacts.RulesAsync(step.AgentId, cancellationToken);
        if (step.Index >= rules.Count || !await steps.TryClaimAsync(step.PageId, step.Index, now, cancellationToken))
        {
            return;
        }
        var rule = rules[step.Index];
        var attempt = await SendAsync(step, rule.Channel, cancellationToken);
        await steps.RecordAsync(step.PageId, step.Index, attempt.Ok ? "sent" : "failed", cancellationToken);
        await log.AddAttemptAsync(ack, JsonSerializer.Serialize(attempt, JsonDefaults.Options), cancellationToken);
        if (step.Index + 1 < rules.Count)
        {
            // A failed channel falls through to the next rule at once; otherwise the next rule keeps its own time.
            var next = step.PageSentAt + TimeSpan.FromMinutes(rules[step.Index + 1].AfterMinutes);
            var due = attempt.Ok && next > now ? next : now;
            await ScheduleAsync(step with { Id = $"{step.PageId}-{step.Index + 1:D2}", Index = step.Index + 1, DueAt = due }, cancellationToken);
        }
    }

    private async Task ScheduleAsync(PageNotificationStep step, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (step.DueAt - EarlyTolerance <= now)
        {
            await RunAsync(step, cancellationToken);
        }
        else
        {
            await queue.SendAsync(QueueNames.PageNotifications, step, WorkQueue.DelayUntil(step.DueAt, now), cancellationToken);
        }
    }

    /// <summary>Acknowledged, passed on (6), or every conversation on it acknowledged or resolved by now: nobody is woken for it.</summary>
    private async Task<bool> IsSettledAsync(PageAck ack, CancellationToken cancellationToken)
    {
        if (ack.AcknowledgedAt is not null || await steps.IsStoppedAsync(ack.PageId, cancellationToken))
        {
            return true;
        }
        foreach (var conversationId in ack.ConversationIds)
        {
            if (await escalations.GetAsync(conversationId, cancellationToken) is not { State: EscalationStates.Acknowledged or EscalationStates.Resolved })
            {
                return false;
            }
        }
        return true;
    }

    private async Task<PageChannel> SendAsync(PageNotificationStep step, string channel, CancellationToken cancellationToken)
    {
        if (await phones.GetContactAsync(step.AgentId, channel, cancellationToken) is not { VerifiedAt: not null, Number: var number })
        {
            return new PageChannel(channel, false, "failed: no verified number");
        }
        PhoneSendResult result;
        if (channel == PhoneChannels.Sms)
        {
            // Before sending: the reply may arrive before this handler continues.
            await phones.SetLastPageAsync(number, step.PageId, step.AgentId, time.GetUtcNow(), cancellationToken);
            result = await phone.SendSmsAsync(number, PhonePageText.Sms(step.Summary), cancellationToken);
        }
        else
        {
            result = await phone.CallAsync(number, PhonePageText.CallTwiml(step.Summary, links.VoiceActionUrl(step.PageId)), cancellationToken);
        }
        if (!result.Ok)
        {
            LogFailed(step.PageId, channel, result.Detail);
        }
        return new PageChannel(channel, result.Ok, result.Ok ? E164Numbers.Masked(number) : "failed");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page {PageId}: the {Channel} notification failed: {Detail}")]
    private partial void LogFailed(string pageId, string channel, string detail);
}

/// <summary>
/// Queue <c>page-notifications</c>: run rule <see cref="Index"/> of the agent's notification rules for a page at
/// <see cref="DueAt"/>. <see cref="Summary"/> is what the text or call says (subjects only).
/// </summary>
public sealed record PageNotificationStep(string Id, string PageId, string AgentId, int Index, string Summary, DateTimeOffset PageSentAt, DateTimeOffset DueAt);
