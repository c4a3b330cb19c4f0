using Switchboard.Storage.Account;

namespace Switchboard.Handlers.Health;

/// <summary><c>GET /api/health</c>: 200 once tables, queues and blobs all answer, 503 (with which one failed) otherwise.</summary>
public sealed class CheckHealth(StorageAccount storage, TimeProvider time)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var probes = await Task.WhenAll(
            ProbeAsync("tables", ct => storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages().GetAsyncEnumerator(ct).MoveNextAsync().AsTask(), timeout.Token, cancellationToken),
            ProbeAsync("queues", ct => storage.Queues.GetQueuesAsync(prefix: storage.Names.Prefix, cancellationToken: ct).AsPages(pageSizeHint: 1).GetAsyncEnumerator(ct).MoveNextAsync().AsTask(), timeout.Token, cancellationToken),
            ProbeAsync("blobs", ct => storage.Blobs.GetBlobContainersAsync(prefix: storage.Names.Prefix, cancellationToken: ct).AsPages(pageSizeHint: 1).GetAsyncEnumerator(ct).MoveNextAsync().AsTask(), timeout.Token, cancellationToken));

        var healthy = probes.All(p => p.Ok);
        var body = new HealthReport(
            healthy ? "healthy" : "unhealthy",
            probes.ToDictionary(p => p.Name, p => p.Ok ? "ok" : p.Error!),
            time.GetUtcNow());
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<(string Name, bool Ok, string? Error)> ProbeAsync(
        string name, Func<CancellationToken, Task> probe, CancellationToken cancellationToken, CancellationToken requestAborted)
    {
        try
        {
            await probe(cancellationToken);
            return (name, true, null);
        }
        // Whatever the endpoint did (refused, timed out, answered something that is not storage), it is not healthy:
        // the probe reports it rather than failing the request with a bare 500.
        catch (Exception e) when (!requestAborted.IsCancellationRequested)
        {
            return (name, false, e is OperationCanceledException ? "no answer within 3 seconds" : e.Message.Split('\n')[0]);
        }
    }
}

public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Storage, DateTimeOffset CheckedAt);
