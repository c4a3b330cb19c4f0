using Microsoft.Extensions.Logging;
using NodaTime;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Escalation;
using Switchboard.Core.Events;
using Switchboard.Core.OnCall;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.OnCall;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// Runs escalations: starts one for each new (non-automatic) conversation of a mailbox with a policy, fires due checks
/// (from their delayed queue message or the sweep), pages, and stops. Every step is safe to repeat: a check is acted
/// on only if the state row still expects it, and each page is claimed insert-only before it is sent
/// (<see cref="EscalationStore.TryClaimAsync"/>). docs/oncall.md describes the rules.
/// </summary>
public sealed partial class EscalationEngine(
    EscalationStore store,
    EscalationPolicyStore policies,
    ScheduleStore schedules,
    ConversationStore conversations,
    PageSender sender,
    WorkQueue queue,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationEngine> logger)
{
    /// <summary>A queue message arriving this much before its due time still counts (visibility is whole seconds).</summary>
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(1);

    public async Task StartAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        if (domainEvent is not { Type: DomainEventTypes.ConversationStarted, Automatic: false, ConversationId: { } conversationId, Mailbox: { } mailbox })
        {
            return;
        }
        if (await policies.GetAsync(mailbox, cancellationToken) is not { } stored)
        {
            return;
        }
        var head = await conversations.GetHeadAsync(conversationId, cancellationToken);
        var due = EscalationPlan.FirstDue(stored.Policy, Instant.FromDateTimeOffset(domainEvent.OccurredAt)).ToDateTimeOffset();
        await BeginAsync(conversationId, mailbox, head?.Subject ?? "", domainEvent.CustomerEmail ?? "", domainEvent.OccurredAt, due, cancellationToken);
    }

    /// <summary>
    /// Pages level 1 of the mailbox's policy about the conversation now, not after the first-response target (an
    /// error alert: the customer has not written, nobody waits for the target to pass), then escalates as usual. False
    /// when the mailbox has no policy or the conversation's escalation was started before (a conversation pages once).
    /// </summary>
    public async Task<bool> StartNowAsync(string conversationId, string mailbox, string subject, string customerEmail, CancellationToken cancellationToken = default)
    {
        if (await policies.GetAsync(mailbox, cancellationToken) is null || await store.GetAsync(conversationId, cancellationToken) is not null)
        {
            return false;
        }
        var now = time.GetUtcNow();
        if (await BeginAsync(conversationId, mailbox, subject, customerEmail, now, now, cancellationToken) is not { } state)
        {
            return false;
        }
        // Decided here, so the page goes out with the request; were this to fail, the check message or the sweep pages.
        await RunAsync([new DueCheck(conversationId, state.Step, state.DueAt, state.DueRowKey)], [], cancellationToken);
        return true;
    }

    private async Task<EscalationEntity?> BeginAsync(
        string conversationId, string mailbox, string subject, string customerEmail, DateTimeOffset startedAt, DateTimeOffset due,
        CancellationToken cancellationToken)
    {
        var state = new EscalationEntity
        {
            PartitionKey = conversationId,
            Mailbox = mailbox,
            Subject = subject,
            CustomerEmail = customerEmail,
            StartedAt = startedAt,
            Step = 0,
            DueAt = due,
            DueRowKey = EscalationStore.DueRowKey(conversationId, 0, due),
        };
        if (!await store.TryStartAsync(state, cancellationToken))
        {
            // A redelivered event: finish scheduling what the first delivery may not have (both steps are idempotent).
            state = (await store.GetAsync(conversationId, cancellationToken))!;
            if (state.State != EscalationStates.Active)
            {
                return null;
            }
        }
        await store.PutDueAsync(conversationId, state.Step, state.DueAt, cancellationToken);
        await SendCheckAsync(state, cancellationToken);
        return state;
    }

    /// <summary>A check message from the queue: fires it (with others due soon for the same people), or re-queues it if early.</summary>
    public async Task CheckAsync(EscalationCheck check, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (check.DueAt - EarlyTolerance > now)
        {
            await queue.SendAsync(QueueNames.EscalationChecks, check, Clamp(check.DueAt - now), cancellationToken);
            return;
        }
        var rowKey = EscalationStore.DueRowKey(check.ConversationId, check.Step, check.DueAt);
        var primary = new DueCheck(check.ConversationId, check.Step, check.DueAt, rowKey);
        var extras = options.Value.BundleWindow > TimeSpan.Zero
            ? (await store.DueAsync(now + options.Value.BundleWindow, cancellationToken: cancellationToken)).Where(d => d.RowKey != rowKey).ToList()
            : [];
        await RunAsync([primary], extras, cancellationToken);
    }

    /// <summary>The sweep: fires every check overdue by more than the grace, whose message was lost or delayed.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (await store.TryLeaseSweepAsync(now, TimeSpan.FromMinutes(1), cancellationToken) is not { } lease)
        {
            return; // another sweep is running; it bundles what it finds
        }
        try
        {
            var due = await store.DueAsync(now - options.Value.SweepGrace, cancellationToken: cancellationToken);
            if (due.Count > 0)
            {
                LogSweeping(due.Count);
                await RunAsync(due, [], cancellationToken);
            }
        }
        finally
        {
            await store.ReleaseSweepAsync(lease, CancellationToken.None);
        }
    }

    /// <summary>Stops the escalation (acknowledged, or resolved); false when it was not running.</summary>
    public async Task<bool> StopAsync(string conversationId, string newState, string reason, string? by, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.GetAsync(conversationId, cancellationToken) is not { State: EscalationStates.Active } state)
            {
                return false;
            }
            state.State = newState;
            state.StopReason = reason;
            state.StoppedAt = time.GetUtcNow();
            state.AcknowledgedBy = by;
            if (await store.TryReplaceAsync(state, cancellationToken))
            {
                await store.DeleteDueAsync(state.DueRowKey, cancellationToken);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "Escalate now" from the person paged: the escalation's pending check (the next level) becomes due at once.
    /// False when it is not running any more (stopped, or every level was paged).
    /// </summary>
    public async Task<bool> EscalateNowAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(conversationId, cancellationToken) is not { State: EscalationStates.Active } state)
        {
            return false;
        }
        var now = time.GetUtcNow();
        if (state.DueAt > now)
        {
            await MoveAsync(state, state.Step, now, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Decides every check, then sends one page per person covering all their conversations. Extras (due within the
    /// bundle window) are paged early only when they page someone the primary checks page anyway.
    /// </summary>
    private async Task RunAsync(IReadOnlyList<DueCheck> primary, IReadOnlyList<DueCheck> extras, CancellationToken cancellationToken)
    {
        var scheduleCache = new Dictionary<string, OnCallSchedule?>();
        var intents = new List<PageIntent>();
        foreach (var (check, isExtra) in primary.Select(c => (c, false)).Concat(extras.Select(c => (c, true))))
        {
            if (await DecideAsync(check, isExtra, scheduleCache, cancellationToken) is { } intent)
            {
                intents.Add(intent);
            }
        }
        var primaryAgents = intents.Where(i => !i.IsExtra).SelectMany(i => i.AgentIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
        intents = [.. intents.Where(i => !i.IsExtra || i.AgentIds.Any(primaryAgents.Contains))];

        var toSend = new List<(PageIntent Intent, DateTimeOffset FirstClaimedAt)>();
        var now = time.GetUtcNow();
        foreach (var intent in intents)
        {
            var claim = await store.TryClaimAsync(intent.State.PartitionKey, intent.State.Step, now, options.Value.AbandonedClaimAfter, cancellationToken);
            switch (claim.Outcome)
            {
                case ClaimOutcome.Claimed:
                    toSend.Add((intent, claim.FirstClaimedAt!.Value));
                    break;
                case ClaimOutcome.AlreadySent:
                    await AdvanceAsync(intent, cancellationToken); // the sender died before moving the state on
                    break;
            }
        }
        var pageIds = new Dictionary<PageIntent, List<string>>();
        foreach (var group in toSend.SelectMany(s => s.Intent.AgentIds.Select(a => (Agent: a, Sent: s))).GroupBy(x => x.Agent, StringComparer.OrdinalIgnoreCase))
        {
            var items = group.Select(x => x.Sent.Intent.Item).ToList();
            var pageId = PageLinks.PageIdFor(group.Key, group.Select(x => (x.Sent.Intent.State.PartitionKey, x.Sent.Intent.State.Step, x.Sent.FirstClaimedAt)));
            var page = await sender.SendPageAsync(pageId, group.Key, items, cancellationToken);
            foreach (var (_, (intent, _)) in group)
            {
                (pageIds.TryGetValue(intent, out var ids) ? ids : pageIds[intent] = []).Add(page.PageId);
            }
        }
        foreach (var (intent, _) in toSend)
        {
            await store.MarkSentAsync(intent.State.PartitionKey, intent.State.Step, time.GetUtcNow(), string.Join(',', pageIds.GetValueOrDefault(intent) ?? []), cancellationToken);
            await AdvanceAsync(intent, cancellationToken);
        }
    }

    private async Task<PageIntent?> DecideAsync(DueCheck check, bool isExtra, Dictionary<string, OnCallSchedule?> scheduleCache, CancellationToken cancellationToken)
    {
        var state = await store.GetAsync(check.ConversationId, cancellationToken);
        if (state is null || state.State != EscalationStates.Active || state.Step != check.Step || state.DueRowKey != check.RowKey)
        {
            await store.DeleteDueAsync(check.RowKey, cancellationToken); // already handled, moved or stopped
            return null;
        }
        var now = time.GetUtcNow();
        if (!isExtra && state.DueAt - EarlyTolerance > now)
        {
            return null;
        }
        // A conversation merged into another is decided on the one it was folded into.
        var head = await conversations.GetLiveHeadAsync(state.PartitionKey, cancellationToken);
        if (StopReason(head) is { } reason)
        {
            await ResolveAsync(state, reason, cancellationToken);
            return null;
        }
        if (await policies.GetAsync(state.Mailbox, cancellationToken) is not { } stored || state.Step >= stored.Policy.StepCount)
        {
            await FinishAsync(state, "the mailbox's policy no longer has this level", cancellationToken);
            return null;
        }
        var policy = stored.Policy;
        foreach (var id in policy.Levels.Select(l => l.ScheduleId).OfType<string>().Where(id => !scheduleCache.ContainsKey(id)))
        {
            scheduleCache[id] = (await schedules.GetAsync(id, cancellationToken))?.Schedule;
        }
        var level = state.Step % policy.Levels.Count + 1;
        var decision = EscalationPlan.Decide(policy, state.Step, Instant.FromDateTimeOffset(now), id => scheduleCache.GetValueOrDefault(id));
        if (decision is EscalationDecision.Page page)
        {
            return new PageIntent(state, page, isExtra, new PageItem(state.PartitionKey, head!.Subject, state.Mailbox, state.CustomerEmail, state.StartedAt, level));
        }
        if (isExtra)
        {
            return null; // not due yet: its own check decides
        }
        switch (decision)
        {
            case EscalationDecision.Hold hold:
                LogHolding(state.PartitionKey, level, hold.Reason, hold.Until.ToDateTimeOffset());
                await MoveAsync(state, state.Step, hold.Until.ToDateTimeOffset(), cancellationToken);
                return null;
            case EscalationDecision.Skip { NextStep: { } next }:
                await MoveAsync(state, next, now, cancellationToken);
                return null;
            default:
                await FinishAsync(state, "nobody left to page", cancellationToken);
                return null;
        }
    }

    private static string? StopReason(ConversationEntity? head) => head switch
    {
        null => "the conversation no longer exists",
        { FirstResponseAt: not null } => "an agent replied",
        _ when head.Status == ConversationStatus.Closed.ToWire() => "the conversation was closed",
        _ when ConversationTags.Split(head.Tags).Contains("spam") => "the conversation was flagged as spam",
        _ => null,
    };

    /// <summary>After a page: on to the next step, or finished after the last.</summary>
    private async Task AdvanceAsync(PageIntent intent, CancellationToken cancellationToken)
    {
        var state = intent.State;
        state.PagedAgents = string.Join(',', state.PagedAgents.Split(',', StringSplitOptions.RemoveEmptyEntries).Concat(intent.AgentIds).Distinct(StringComparer.OrdinalIgnoreCase));
        if (intent.Decision is { NextStep: { } next, NextDue: { } due })
        {
            await MoveAsync(state, next, due.ToDateTimeOffset(), cancellationToken);
        }
        else
        {
            await FinishAsync(state, "every level was paged", cancellationToken);
        }
    }

    /// <summary>Points the state at <paramref name="step"/> due at <paramref name="due"/>: new due row first, then the state, then the old row goes.</summary>
    private async Task MoveAsync(EscalationEntity state, int step, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var previous = state.DueRowKey;
        state.Step = step;
        state.DueAt = due;
        state.DueRowKey = EscalationStore.DueRowKey(state.PartitionKey, step, due);
        await store.PutDueAsync(state.PartitionKey, step, due, cancellationToken);
        if (!await store.TryReplaceAsync(state, cancellationToken))
        {
            return; // changed meanwhile (acknowledged, or another runner moved it): the new due row finds that out when it fires
        }
        if (previous != state.DueRowKey)
        {
            await store.DeleteDueAsync(previous, cancellationToken);
        }
        await SendCheckAsync(state, cancellationToken);
    }

    private async Task FinishAsync(EscalationEntity state, string reason, CancellationToken cancellationToken)
    {
        state.State = EscalationStates.Finished;
        state.StopReason = reason;
        state.StoppedAt = time.GetUtcNow();
        if (await store.TryReplaceAsync(state, cancellationToken))
        {
            await store.DeleteDueAsync(state.DueRowKey, cancellationToken);
        }
    }

    /// <summary>Stops a resolved conversation's escalation and tells whoever was paged, once (the state change is ETag-guarded).</summary>
    private async Task ResolveAsync(EscalationEntity state, string reason, CancellationToken cancellationToken)
    {
        state.State = EscalationStates.Resolved;
        state.StopReason = reason;
        state.StoppedAt = time.GetUtcNow();
        if (!await store.TryReplaceAsync(state, cancellationToken))
        {
            return;
        }
        foreach (var agent in state.PagedAgents.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            await sender.SendNoticeAsync(agent, state.Mailbox, $"[Resolved] {state.Subject}",
                $"You were paged about \"{state.Subject}\" on {state.Mailbox}. It needs nobody any more: {reason}.", cancellationToken);
        }
        await store.DeleteDueAsync(state.DueRowKey, cancellationToken);
    }

    private Task SendCheckAsync(EscalationEntity state, CancellationToken cancellationToken) =>
        queue.SendAsync(QueueNames.EscalationChecks, new EscalationCheck(state.DueRowKey, state.PartitionKey, state.Step, state.DueAt),
            Clamp(state.DueAt - time.GetUtcNow()), cancellationToken);

    /// <summary>Whole seconds, rounded up (visibility has second resolution), at most the queue's 7 days: the sweep covers longer waits.</summary>
    private static TimeSpan Clamp(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero
        : delay >= WorkQueue.MaxDelay ? WorkQueue.MaxDelay - TimeSpan.FromMinutes(1)
        : TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));

    private sealed record PageIntent(EscalationEntity State, EscalationDecision.Page Decision, bool IsExtra, PageItem Item)
    {
        public IReadOnlyList<string> AgentIds => Decision.AgentIds;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The escalation sweep found {Count} overdue checks.")]
    private partial void LogSweeping(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of {ConversationId} holds level {Level} ({Reason}) until {Until:O}.")]
    private partial void LogHolding(string conversationId, int level, string reason, DateTimeOffset until);
}

/// <summary>Queue <c>escalation-checks</c>: check <see cref="Step"/> of the conversation's escalation at <see cref="DueAt"/>. <see cref="Id"/> is the due row's key.</summary>
public sealed record EscalationCheck(string Id, string ConversationId, int Step, DateTimeOffset DueAt);
