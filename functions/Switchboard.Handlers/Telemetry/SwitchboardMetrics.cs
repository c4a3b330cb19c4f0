using System.Diagnostics.Metrics;

namespace Switchboard.Handlers.Telemetry;

/// <summary>
/// Switchboard's counters, on the Meter "Switchboard". Created from the host's <see cref="IMeterFactory"/>, so each
/// host (and each test host) has its own instruments.
/// </summary>
public sealed class SwitchboardMetrics
{
    private readonly Counter<long> inboundAccepted;
    private readonly Counter<long> messagesProcessed;
    private readonly Counter<long> queueFailures;
    private readonly Counter<long> poisonMoves;

    public SwitchboardMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(SwitchboardTelemetry.Name);
        inboundAccepted = meter.CreateCounter<long>("switchboard.inbound.accepted", "{email}",
            "Inbound emails stored and queued by a webhook, by source (sendgrid, mime).");
        messagesProcessed = meter.CreateCounter<long>("switchboard.messages.processed", "{email}",
            "Inbound emails processed from the queue, by outcome (new, reply, duplicate, no-conversation).");
        queueFailures = meter.CreateCounter<long>("switchboard.queue.failures", "{message}",
            "Queue messages whose handler threw (each try counts), by queue. Counted by the local host's queue pump.");
        poisonMoves = meter.CreateCounter<long>("switchboard.queue.poisoned", "{message}",
            "Queue messages moved to the poison queue, by queue. Counted by the local host's queue pump.");
    }

    public void InboundAccepted(string source) => inboundAccepted.Add(1, new KeyValuePair<string, object?>(SwitchboardTelemetry.Tags.Source, source));

    public void MessageProcessed(string outcome) => messagesProcessed.Add(1, new KeyValuePair<string, object?>(SwitchboardTelemetry.Tags.Outcome, outcome));

    public void QueueHandlerFailed(string queue) => queueFailures.Add(1, new KeyValuePair<string, object?>(SwitchboardTelemetry.Tags.Queue, queue));

    public void MovedToPoison(string queue) => poisonMoves.Add(1, new KeyValuePair<string, object?>(SwitchboardTelemetry.Tags.Queue, queue));
}
