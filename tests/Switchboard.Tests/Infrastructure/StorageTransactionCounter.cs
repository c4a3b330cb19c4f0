using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Counts the storage requests (billable transactions) the app makes, by service and operation, through an Azure SDK
/// pipeline policy added to every client. Retries count too, as they are billed.
/// </summary>
public sealed class StorageTransactionCounter : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> requests = new();

    public int Count => requests.Count;

    public IReadOnlyList<string> Requests => [.. requests];

    public void Reset() => requests.Clear();

    public void Attach(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>e.g. "PUT blob mail/raw/…", "GET table ThreadKeys(…)", "POST queue inbound-email/messages".</summary>
    private void Record(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var path = uri.AbsolutePath.Split('/', 3, StringSplitOptions.RemoveEmptyEntries);
        var resource = path.Length > 1 ? path[1] : "";
        requests.Enqueue($"{message.Request.Method} {resource}");
    }
}
