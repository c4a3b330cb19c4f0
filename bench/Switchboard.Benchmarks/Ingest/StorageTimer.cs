using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Switchboard.Benchmarks.Ingest;

/// <summary>
/// The profile of the queue side: how many storage requests of each kind (method, service, table or queue) the host
/// made and how long they took in all, through a pipeline policy on every client. Tells where the time goes.
/// </summary>
internal sealed class StorageTimer : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, (int Count, double Milliseconds)> totals = new();

    public void Attach(ClientOptions options, string service) =>
        options.AddPolicy(new Tagged(this, service), HttpPipelinePosition.PerRetry);

    public void Reset() => totals.Clear();

    public IReadOnlyList<(string Kind, int Count, double Milliseconds)> Top(int count) =>
        [.. totals.Select(t => (t.Key, t.Value.Count, t.Value.Milliseconds)).OrderByDescending(t => t.Milliseconds).Take(count)];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessNext(message, pipeline);

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessNextAsync(message, pipeline);

    private void Add(string kind, double milliseconds) =>
        totals.AddOrUpdate(kind, (1, milliseconds), (_, t) => (t.Count + 1, t.Milliseconds + milliseconds));

    private sealed class Tagged(StorageTimer timer, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessNext(message, pipeline);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Stopwatch.GetTimestamp();
            await ProcessNextAsync(message, pipeline);
            timer.Add(Kind(message), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        private string Kind(HttpMessage message)
        {
            var path = message.Request.Uri.ToUri().AbsolutePath.Split('/', 4, StringSplitOptions.RemoveEmptyEntries);
            var resource = path.Length > 1 ? path[1] : "";
            // Table names carry the test prefix and a key suffix ("xyzConversations(PartitionKey=…)"): keep the table.
            var cut = resource.IndexOf('(', StringComparison.Ordinal);
            resource = cut >= 0 ? resource[..cut] : resource;
            if (service == "blob")
            {
                resource = path.Length > 2 ? $"{resource}/{path[2]}" : resource;
            }
            return $"{message.Request.Method} {service} {resource}";
        }
    }
}
