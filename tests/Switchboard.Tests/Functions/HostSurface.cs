namespace Switchboard.Tests.Functions;

/// <summary>What one host exposes: HTTP routes, queue handlers and timers, each under the name of its handler.</summary>
public sealed record HostSurface(IReadOnlyList<HttpBinding> Http, IReadOnlyList<QueueBinding> Queues, IReadOnlyList<TimerBinding> Timers);

/// <param name="Name">The endpoint or function name: <c>nameof</c> the handler.</param>
/// <param name="Route">Normalized by <see cref="RouteTemplate.Normalize(string)"/>, prefix included.</param>
/// <param name="Methods">Upper-case verbs; empty means every verb.</param>
public sealed record HttpBinding(string Name, string Route, IReadOnlySet<string> Methods)
{
    public string Verbs => Methods.Count == 0 ? "any verb" : string.Join(",", Methods.Order(StringComparer.Ordinal));

    public bool SharesAVerbWith(HttpBinding other) => Methods.Count == 0 || other.Methods.Count == 0 || Methods.Overlaps(other.Methods);

    public override string ToString() => $"{Verbs} {Route} ({Name})";
}

public sealed record QueueBinding(string Name, string Queue);

public sealed record TimerBinding(string Name, string Schedule);
