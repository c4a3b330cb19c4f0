namespace Switchboard.Benchmarks;

/// <summary>What one email cost, by phase: the webhook, each queue handler, and the queue trigger's own receive and delete.</summary>
internal sealed record EmailCost(
    string Kind,
    Dictionary<(string Service, string Kind), int> Webhook,
    Dictionary<(string Service, string Kind), int> InboundHandler,
    Dictionary<(string Service, string Kind), int> EventsHandler,
    Dictionary<(string Service, string Kind), int> Trigger,
    int QueueMessages,
    double Milliseconds);

internal static class Report
{
    private static readonly (string Service, string Kind)[] Columns =
        [.. TransactionTally.Services.SelectMany(s => new[] { (s, "read"), (s, "write") })];

    public static void Print(IReadOnlyList<EmailCost> results, int perKind)
    {
        Console.WriteLine($"Storage transactions per email, mean of {perKind} emails of each kind (after warm-up), local host over Azurite.");
        Console.WriteLine("Reads are GET/HEAD requests, writes every other method. 'trigger' is the queue trigger's receive + delete of each message.");
        Console.WriteLine();
        Console.WriteLine($"| Email | Phase | {string.Join(" | ", Columns.Select(c => $"{c.Service} {c.Kind}"))} | Total |");
        Console.WriteLine($"| --- | --- |{string.Concat(Enumerable.Repeat(" ---: |", Columns.Length + 1))}");
        foreach (var kind in results.Select(r => r.Kind).Distinct())
        {
            var ofKind = results.Where(r => r.Kind == kind).ToList();
            Row(kind, "webhook", ofKind.Select(r => r.Webhook));
            Row(kind, "inbound-email handler", ofKind.Select(r => r.InboundHandler));
            Row(kind, "domain-events handler", ofKind.Select(r => r.EventsHandler));
            Row(kind, "trigger", ofKind.Select(r => r.Trigger));
            Row(kind, "**all**", ofKind.Select(r => Sum(r.Webhook, r.InboundHandler, r.EventsHandler, r.Trigger)));
        }
        Console.WriteLine();
        Console.WriteLine("| Email | Queue messages | Mean ms per email | Median ms | p95 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var kind in results.Select(r => r.Kind).Distinct())
        {
            var ofKind = results.Where(r => r.Kind == kind).ToList();
            var ms = ofKind.Select(r => r.Milliseconds).Order().ToList();
            Console.WriteLine($"| {kind} | {ofKind.Average(r => r.QueueMessages):0.##} | {ms.Average():0.0} | {ms[ms.Count / 2]:0.0} | {ms[(int)Math.Ceiling(ms.Count * 0.95) - 1]:0.0} |");
        }
    }

    private static void Row(string kind, string phase, IEnumerable<Dictionary<(string, string), int>> counts)
    {
        var list = counts.ToList();
        var means = Columns.Select(c => list.Average(d => d.GetValueOrDefault(c))).ToList();
        Console.WriteLine($"| {kind} | {phase} | {string.Join(" | ", means.Select(m => $"{m:0.##}"))} | {means.Sum():0.##} |");
    }

    private static Dictionary<(string, string), int> Sum(params Dictionary<(string, string), int>[] parts)
    {
        var total = new Dictionary<(string, string), int>();
        foreach (var part in parts)
        {
            foreach (var (key, value) in part) total[key] = total.GetValueOrDefault(key) + value;
        }
        return total;
    }
}
