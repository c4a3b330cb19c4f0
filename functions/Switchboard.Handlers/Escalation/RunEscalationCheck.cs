using System.Text.Json;
using Switchboard.Core;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage;

namespace Switchboard.Handlers.Escalation;

/// <summary>Queue <c>escalation-checks</c>: a check whose delay is over. A redelivery finds its page claimed or its state moved on, and does nothing.</summary>
public sealed class RunEscalationCheck(EscalationEngine engine) : IQueueHandler
{
    public string QueueName => QueueNames.EscalationChecks;

    public Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var check = JsonSerializer.Deserialize<EscalationCheck>(message, JsonDefaults.Options)
            ?? throw new InvalidDataException("The escalation-checks queue message is empty.");
        return engine.CheckAsync(check, cancellationToken);
    }
}

/// <summary>
/// Every minute: fires the checks that are overdue (their queue message was lost, or the host was down), late rather
/// than never. One range query of the <c>due</c> partition when nothing is due.
/// </summary>
public sealed class SweepEscalations(EscalationEngine engine) : ITimerJob
{
    public const string Every = "0 * * * * *";

    public string Name => nameof(SweepEscalations);

    public string Schedule => Every;

    public Task RunAsync(CancellationToken cancellationToken = default) => engine.SweepAsync(cancellationToken);
}
