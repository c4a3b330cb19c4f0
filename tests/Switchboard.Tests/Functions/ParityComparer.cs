namespace Switchboard.Tests.Functions;

/// <summary>
/// Lists, one readable line each, how the Functions app differs from the local host, in both directions.
/// Bindings are paired by name first; left-overs that share a route (or queue, or schedule) are then paired as a
/// name mismatch, so a rename reads as one difference rather than a missing function plus an extra one.
/// </summary>
public static class ParityComparer
{
    public static IReadOnlyList<string> Compare(HostSurface local, HostSurface functions) =>
    [
        .. CompareHttp(local.Http, functions.Http),
        .. CompareTargets(local.Queues, functions.Queues, q => q.Name, q => q.Queue, "queue", "IQueueHandler", "[QueueTrigger]"),
        .. CompareTargets(local.Timers, functions.Timers, t => t.Name, t => t.Schedule, "schedule", "ITimerJob", "[TimerTrigger]"),
    ];

    private static IEnumerable<string> CompareHttp(IReadOnlyList<HttpBinding> local, IReadOnlyList<HttpBinding> functions)
    {
        var pairs = Pair(local, functions, b => b.Name, (l, f) => l.Route == f.Route && l.SharesAVerbWith(f));
        foreach (var (l, f) in pairs.ByName)
        {
            if (l.Route != f.Route)
            {
                yield return $"{l.Name}: the local route is {l.Route}, the function's is {f.Route}.";
            }
            if (!l.Methods.SetEquals(f.Methods))
            {
                yield return $"{l.Name} {l.Route}: the local route answers {l.Verbs}, the function {f.Verbs}.";
            }
        }
        foreach (var (l, f) in pairs.ByTarget)
        {
            var localName = l.Name.Length == 0 ? "has no name (add .WithName(nameof(TheHandler)))" : $"is named {l.Name}";
            yield return $"{l.Verbs} {l.Route}: the local endpoint {localName}, the function {f.Name}.";
        }
        foreach (var l in pairs.LocalOnly)
        {
            yield return $"Local route {l} has no [Function] with a matching [HttpTrigger].";
        }
        foreach (var f in pairs.FunctionsOnly)
        {
            yield return $"[Function] {f} has no local route in SwitchboardApi.";
        }
    }

    private static IEnumerable<string> CompareTargets<T>(
        IReadOnlyList<T> local, IReadOnlyList<T> functions, Func<T, string> name, Func<T, string> target,
        string targetKind, string localKind, string trigger) where T : class
    {
        var pairs = Pair(local, functions, name, (l, f) => target(l) == target(f));
        foreach (var (l, f) in pairs.ByName.Where(p => target(p.Local) != target(p.Function)))
        {
            yield return $"{name(l)}: the local {localKind} has {targetKind} '{target(l)}', the function '{target(f)}'.";
        }
        foreach (var (l, f) in pairs.ByTarget)
        {
            yield return $"{targetKind} '{target(l)}': the local {localKind} is {name(l)}, the function {name(f)}.";
        }
        foreach (var l in pairs.LocalOnly)
        {
            yield return $"Local {localKind} {name(l)} ({targetKind} '{target(l)}') has no [Function] with a {trigger}.";
        }
        foreach (var f in pairs.FunctionsOnly)
        {
            yield return $"[Function] {name(f)} ({targetKind} '{target(f)}') has no local {localKind}.";
        }
    }

    private sealed record Pairs<T>(List<(T Local, T Function)> ByName, List<(T Local, T Function)> ByTarget, List<T> LocalOnly, List<T> FunctionsOnly);

    private static Pairs<T> Pair<T>(IReadOnlyList<T> local, IReadOnlyList<T> functions, Func<T, string> name, Func<T, T, bool> sameTarget)
        where T : class
    {
        var localLeft = local.ToList();
        var functionsLeft = functions.ToList();
        var byName = Take(localLeft, functionsLeft, (l, f) => name(l) == name(f));
        var byTarget = Take(localLeft, functionsLeft, sameTarget);
        return new Pairs<T>(byName, byTarget, localLeft, functionsLeft);
    }

    /// <summary>Removes from both lists, and returns, the pairs that match.</summary>
    private static List<(T Local, T Function)> Take<T>(List<T> local, List<T> functions, Func<T, T, bool> match) where T : class
    {
        var pairs = new List<(T, T)>();
        foreach (var l in local.ToList())
        {
            if (functions.FirstOrDefault(candidate => match(l, candidate)) is { } f)
            {
                pairs.Add((l, f));
                local.Remove(l);
                functions.Remove(f);
            }
        }
        return pairs;
    }
}
