namespace Switchboard.Benchmarks.Operations;

/// <summary>
/// What one operation cost: its request (the API call or webhook), the queue work it caused (<paramref name="Handled"/>:
/// one queue name per message) and the storage requests of each, e.g. "table: GET Conversations(…)".
/// </summary>
internal sealed record OperationCost(
    Dictionary<(string Service, string Kind), int> Request,
    Dictionary<(string Service, string Kind), int> Work,
    List<string> Handled,
    List<string> RequestLog,
    List<string> WorkLog);

/// <summary>Prints the mean transactions of each operation by phase, then what one of them requested, grouped.</summary>
internal sealed class OperationReport(int repeats)
{
    private static readonly (string Service, string Kind)[] Columns =
        [.. TransactionTally.Services.SelectMany(s => new[] { (s, "read"), (s, "write") })];

    private readonly List<(string Operation, OperationCost Cost)> rows = [];

    public void Add(string operation, OperationCost cost) => rows.Add((operation, cost));

    public void Print()
    {
        Console.WriteLine($"Storage transactions per operation, mean of {repeats} (after warm-up), local host over Azurite.");
        Console.WriteLine("Reads are GET/HEAD requests, writes every other method. 'trigger' is the queue trigger's receive + delete of each message.");
        Console.WriteLine("API calls carry the bootstrap key (no storage read); a signed-in agent's session adds 2 table reads per call, an API key 1.");
        Console.WriteLine();
        Console.WriteLine($"| Operation | Phase | {string.Join(" | ", Columns.Select(c => $"{c.Service} {c.Kind}"))} | Total |");
        Console.WriteLine($"| --- | --- |{string.Concat(Enumerable.Repeat(" ---: |", Columns.Length + 1))}");
        foreach (var operation in rows.Select(r => r.Operation).Distinct())
        {
            var costs = rows.Where(r => r.Operation == operation).Select(r => r.Cost).ToList();
            var queues = string.Join(", ", costs[^1].Handled.GroupBy(q => q).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()} × {g.Key}"));
            var trigger = costs.Select(c => new Dictionary<(string, string), int> { [("queue", "read")] = c.Handled.Count, [("queue", "write")] = c.Handled.Count }).ToList();
            Row(operation, "request", costs.Select(c => c.Request));
            Row(operation, queues.Length == 0 ? "queued work (none)" : $"queued work ({queues})", costs.Select(c => c.Work));
            Row(operation, "trigger", trigger);
            Row(operation, "**all**", costs.Select((c, i) => Sum(c.Request, c.Work, trigger[i])));
        }
        Console.WriteLine();
        Console.WriteLine("What the last of each did (trigger not included):");
        foreach (var operation in rows.Select(r => r.Operation).Distinct())
        {
            var last = rows.Last(r => r.Operation == operation).Cost;
            Console.WriteLine($"- {operation}: request: {Grouped(last.RequestLog)}; queued work: {Grouped(last.WorkLog)}");
        }
    }

    private static string Grouped(List<string> requests) => requests.Count == 0 ? "none" :
        string.Join(", ", requests.Select(Shorten).GroupBy(r => r).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()} × {g.Key}"));

    private static string Shorten(string request)
    {
        var cut = request.IndexOf('(', StringComparison.Ordinal);
        request = cut >= 0 ? request[..cut] : request;
        // Blob paths name the object; the container and the first folder are enough to say what it is.
        var parts = request.Split('/');
        return parts.Length > 2 ? $"{parts[0]}/{parts[1]}/…" : request;
    }

    private static void Row(string operation, string phase, IEnumerable<Dictionary<(string, string), int>> counts)
    {
        var list = counts.ToList();
        var means = Columns.Select(c => list.Average(d => d.GetValueOrDefault(c))).ToList();
        Console.WriteLine($"| {operation} | {phase} | {string.Join(" | ", means.Select(m => $"{m:0.##}"))} | {means.Sum():0.##} |");
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
