using Switchboard.Core.Conversations;
using Switchboard.Core.Escalation;
using Switchboard.Core.Events;
using Switchboard.Core.Metrics;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.Escalation;
using Switchboard.Storage.Metrics;

namespace Switchboard.Handlers.Metrics;

/// <summary>
/// Turns what happened into <see cref="MetricFact"/>s, each recorded for its mailbox and for all mailboxes, and
/// has the roll-ups of the days they fall on recomputed (<see cref="MetricRollups.RecomputeSoonAsync"/>). Conversation events are read against the conversation as it is
/// now (its first response, its closing time), so a redelivered or late event writes the same facts again.
/// Automatic mail (auto-replies, bounces) counts nowhere.
/// </summary>
public sealed class MetricsRecorder(
    MetricFactStore facts, MetricRollups rollups, ConversationStore conversations, EscalationPolicyStore policies)
{
    public async Task RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        if (domainEvent.Automatic || domainEvent.ConversationId is not { } conversationId)
        {
            return;
        }
        if (domainEvent.Type == DomainEventTypes.ConversationMerged)
        {
            await RecordMergeAsync(conversationId, cancellationToken);
            return;
        }
        if (await conversations.GetLiveHeadAsync(conversationId, cancellationToken) is not { } head)
        {
            return;
        }
        var conversation = head.ToConversation();
        var touched = new HashSet<(string Scope, DateOnly Day)>();
        var scopes = ScopesOf(conversation.Mailbox);

        async Task PutAsync(DateTimeOffset at, string key, MetricFact fact)
        {
            var day = MetricFactStore.DayOf(at);
            foreach (var scope in scopes)
            {
                await facts.PutAsync(scope, day, key, fact, cancellationToken);
                touched.Add((scope, day));
            }
        }

        if (domainEvent.Type == DomainEventTypes.ConversationStarted)
        {
            await PutAsync(conversation.CreatedAt, $"{MetricFactKinds.Opened}|{conversation.Id}", new MetricFact(MetricFactKinds.Opened));
        }
        if (domainEvent.Type == DomainEventTypes.ReplySent && domainEvent.MessageId is { } replyKey)
        {
            await facts.AddReplyAsync(conversation.Id, replyKey, cancellationToken);
            await PutAsync(domainEvent.OccurredAt, $"{MetricFactKinds.Reply}|{replyKey}", new MetricFact(MetricFactKinds.Reply));
        }

        var policy = (await policies.GetAsync(conversation.Mailbox, cancellationToken))?.Policy;
        if (conversation.FirstResponseAt is { } answeredAt)
        {
            var business = BusinessTime.Between(policy?.SupportHours, conversation.CreatedAt, answeredAt);
            var target = policy?.TargetFirstResponse ?? EscalationPolicy.DefaultTarget;
            await PutAsync(answeredAt, $"{MetricFactKinds.FirstResponse}|{conversation.Id}", new MetricFact(MetricFactKinds.FirstResponse,
                Seconds: Seconds(answeredAt - conversation.CreatedAt), BusinessSeconds: business.TotalSeconds, WithinTarget: business <= target));
        }

        foreach (var scope in scopes)
        {
            var wasOpen = await facts.IsOpenAsync(scope, conversation.Id, cancellationToken);
            if (conversation.Status == ConversationStatus.Closed)
            {
                await facts.MarkNotOpenAsync(scope, conversation.Id, cancellationToken);
            }
            else if (!wasOpen)
            {
                await facts.MarkOpenAsync(scope, conversation.Id, cancellationToken);
                if (domainEvent.Type != DomainEventTypes.ConversationStarted)
                {
                    // Not open before, open now, and not because it just started: it came back.
                    var day = MetricFactStore.DayOf(domainEvent.OccurredAt);
                    await facts.PutAsync(scope, day, $"{MetricFactKinds.Reopened}|{domainEvent.Id}", new MetricFact(MetricFactKinds.Reopened), cancellationToken);
                    touched.Add((scope, day));
                }
            }
            touched.Add((scope, MetricFactStore.DayOf(domainEvent.OccurredAt)));
        }
        if (conversation is { Status: ConversationStatus.Closed, ClosedAt: { } closedAt })
        {
            var replies = await facts.CountRepliesAsync(conversation.Id, cancellationToken);
            await PutAsync(closedAt, $"{MetricFactKinds.Closed}|{conversation.Id}|{closedAt.UtcTicks}", new MetricFact(MetricFactKinds.Closed,
                Seconds: Seconds(closedAt - conversation.CreatedAt),
                BusinessSeconds: BusinessTime.Between(policy?.SupportHours, conversation.CreatedAt, closedAt).TotalSeconds,
                Replies: replies));
        }
        await RecomputeAsync(touched, cancellationToken);
    }

    /// <summary>A conversation merged into another is one problem, not two: it no longer counts as opened nor in the backlog.</summary>
    private async Task RecordMergeAsync(string youngerId, CancellationToken cancellationToken)
    {
        if (await conversations.GetHeadAsync(youngerId, cancellationToken) is not { } head)
        {
            return;
        }
        var younger = head.ToConversation();
        var day = MetricFactStore.DayOf(younger.CreatedAt);
        var touched = new HashSet<(string, DateOnly)>();
        foreach (var scope in ScopesOf(younger.Mailbox))
        {
            await facts.MarkNotOpenAsync(scope, younger.Id, cancellationToken);
            await facts.RemoveAsync(scope, day, $"{MetricFactKinds.Opened}|{younger.Id}", cancellationToken);
            touched.Add((scope, day));
        }
        await RecomputeAsync(touched, cancellationToken);
    }

    /// <summary>Records a fact that belongs to a mailbox (a rating) or to the whole workspace (mailbox null: KB, pages).</summary>
    public async Task RecordAsync(string? mailbox, DateTimeOffset at, string key, MetricFact fact, bool merge = false, CancellationToken cancellationToken = default)
    {
        var day = MetricFactStore.DayOf(at);
        var touched = new HashSet<(string, DateOnly)>();
        foreach (var scope in ScopesOf(mailbox))
        {
            await (merge ? facts.MergeAsync(scope, day, key, fact, cancellationToken) : facts.PutAsync(scope, day, key, fact, cancellationToken));
            touched.Add((scope, day));
        }
        await RecomputeAsync(touched, cancellationToken);
    }

    /// <summary>A page went out (on-call is the whole team's: pages count for all mailboxes).</summary>
    public Task RecordPageSentAsync(string pageId, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        RecordAsync(null, sentAt, $"{MetricFactKinds.Page}|{pageId}", new MetricFact(MetricFactKinds.Page), merge: true, cancellationToken);

    /// <summary>A page was acknowledged: its time to acknowledge counts on the day it was sent.</summary>
    public Task RecordPageAcknowledgedAsync(string pageId, DateTimeOffset sentAt, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken = default) =>
        RecordAsync(null, sentAt, $"{MetricFactKinds.Page}|{pageId}",
            new MetricFact(MetricFactKinds.Page, Seconds: Seconds(acknowledgedAt - sentAt)), merge: true, cancellationToken);

    /// <summary>A step of a contact-form visit (opened a suggested article, sent the form), for the deflection rate.</summary>
    public Task RecordKbVisitAsync(string session, DateTimeOffset at, bool opened, bool submitted, CancellationToken cancellationToken = default) =>
        RecordAsync(null, at, $"{MetricFactKinds.KbVisit}|{session}",
            new MetricFact(MetricFactKinds.KbVisit, Yes: opened ? true : null, Submitted: submitted ? true : null), merge: true, cancellationToken);

    /// <summary>A reader's vote on an article. Each vote is its own fact: a vote is one HTTP request, never redelivered.</summary>
    public Task RecordKbVoteAsync(string articleId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        RecordAsync(null, at, $"{MetricFactKinds.KbVote}|{articleId}|{Guid.NewGuid():N}", new MetricFact(MetricFactKinds.KbVote, Yes: helpful), cancellationToken: cancellationToken);

    private async Task RecomputeAsync(IEnumerable<(string Scope, DateOnly Day)> touched, CancellationToken cancellationToken)
    {
        foreach (var (scope, day) in touched)
        {
            await rollups.RecomputeSoonAsync(scope, day, cancellationToken);
        }
    }

    private static string[] ScopesOf(string? mailbox) =>
        string.IsNullOrWhiteSpace(mailbox) ? [MetricFactStore.AllMailboxes] : [MetricFactStore.Scope(mailbox), MetricFactStore.AllMailboxes];

    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);
}
