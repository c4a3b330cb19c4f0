using Switchboard.Tests.Infrastructure;

namespace Switchboard.Benchmarks;

/// <summary>
/// One <see cref="StorageTransactionCounter"/> per storage service, so each request is known as a table, queue or blob
/// transaction; reads are GET and HEAD, writes every other method (PUT, POST, DELETE, PATCH, MERGE).
/// </summary>
internal sealed class TransactionTally
{
    public static readonly string[] Services = ["table", "queue", "blob"];

    private readonly Dictionary<string, StorageTransactionCounter> counters = Services.ToDictionary(s => s, _ => new StorageTransactionCounter());

    public StorageTransactionCounter For(string service) => counters[service];

    public void Reset()
    {
        foreach (var counter in counters.Values) counter.Reset();
    }

    /// <summary>Counts since the last reset: (service, "read"|"write") → transactions.</summary>
    public Dictionary<(string Service, string Kind), int> Snapshot()
    {
        var result = new Dictionary<(string, string), int>();
        foreach (var (service, counter) in counters)
        {
            foreach (var request in counter.Requests)
            {
                var method = request.Split(' ', 2)[0];
                var key = (service, method is "GET" or "HEAD" ? "read" : "write");
                result[key] = result.GetValueOrDefault(key) + 1;
            }
        }
        return result;
    }

    /// <summary>The requests since the last reset, e.g. "table: GET ThreadKeys(…)", for a look at what one email does.</summary>
    public IEnumerable<string> Requests() => counters.SelectMany(c => c.Value.Requests.Select(r => $"{c.Key}: {r}"));
}
