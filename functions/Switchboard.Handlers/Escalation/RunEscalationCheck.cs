using System.Text.Json;
using Switchboard.Core;
using Switchboard.Storage;

namespace Switchboard.Handlers.Escalation;

/// <summary>Queue <c>escalation-checks</c>: a check whose delay is over. A redelivery finds its page claimed or its state moved on, and does nothing.</summary>
public sealed class RunEscalationCheck(EscalationEngine engine)
{
    public Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var check = QueueMessages.Read<EscalationCheck>(message, QueueNames.EscalationChecks, JsonDefaults.Options);
        return engine.CheckAsync(check, cancellationToken);
    }
}

/// <summary>
/// Every 10 minutes: fires the checks that are overdue (their queue message was lost, or the host was down), late rather
/// than never. One range query of the <c>due</c> partition when nothing is due.
/// </summary>
public sealed class SweepEscalations(EscalationEngine engine)
{
    public Task RunAsync(CancellationToken cancellationToken = default) => engine.SweepAsync(cancellationToken);
}
