using Switchboard.Handlers.Metrics;
using Switchboard.Storage.Escalation;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// Acknowledges a page once, whichever way it comes (the link, an SMS reply, a keypress on the call), and stops
/// escalation for every conversation it listed; or, for "escalate now", pages the next level at once.
/// </summary>
public sealed class PageAcknowledger(PageLogStore log, EscalationEngine engine, MetricsRecorder metrics, TimeProvider time)
{
    public async Task<AckResult> AcknowledgeAsync(string pageId, CancellationToken cancellationToken = default)
    {
        if (await log.GetAckAsync(pageId, cancellationToken) is not { } ack)
        {
            return new AckResult(AckOutcome.Unknown, 0, null, null);
        }
        var now = time.GetUtcNow();
        if (ack.AcknowledgedAt is { } at || !await log.TryAcknowledgeAsync(ack, ack.AgentId, now, cancellationToken))
        {
            return new AckResult(AckOutcome.AlreadyAcknowledged, 0, ack.AcknowledgedAt ?? now, ack);
        }
        await metrics.RecordPageAcknowledgedAsync(pageId, PageLogStore.SentAtOf(ack.LogRowKey), now, cancellationToken);
        var stopped = 0;
        foreach (var conversationId in ack.ConversationIds)
        {
            stopped += await engine.StopAsync(conversationId, EscalationStates.Acknowledged, "acknowledged", ack.AgentId, cancellationToken) ? 1 : 0;
        }
        return new AckResult(AckOutcome.Acknowledged, stopped, now, ack);
    }

    public Task<PageAck?> AcknowledgeStateAsync(string pageId, CancellationToken cancellationToken = default) => log.GetAckAsync(pageId, cancellationToken);

    /// <summary>The person paged passes: every conversation on the page still escalating pages its next level now. The count of those.</summary>
    public async Task<int> EscalateNowAsync(PageAck ack, CancellationToken cancellationToken = default)
    {
        var moved = 0;
        foreach (var conversationId in ack.ConversationIds)
        {
            moved += await engine.EscalateNowAsync(conversationId, cancellationToken) ? 1 : 0;
        }
        return moved;
    }
}

public enum AckOutcome { Acknowledged, AlreadyAcknowledged, Unknown }

public sealed record AckResult(AckOutcome Outcome, int Stopped, DateTimeOffset? At, PageAck? Ack);
