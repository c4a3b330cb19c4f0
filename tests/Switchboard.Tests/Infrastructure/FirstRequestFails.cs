using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Storage going away at one chosen moment (an outage, a crash): once <see cref="Armed"/>, the first request that
/// <paramref name="matches"/> fails, and only that one. Attach it with <c>ClientOptionsHook</c>.
/// </summary>
public sealed class FirstRequestFails(Func<Request, bool> matches, bool armed = false) : HttpPipelinePolicy
{
    private int failed;

    public volatile bool Armed = armed;

    public bool Failed => failed == 1;

    public void Attach(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        FailOnce(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        FailOnce(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>The request's body as text (a transaction's body names the tables it writes).</summary>
    public static string BodyOf(Request request)
    {
        if (request.Content is not { } content)
        {
            return "";
        }
        using var body = new MemoryStream();
        content.WriteTo(body, CancellationToken.None);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    private void FailOnce(HttpMessage message)
    {
        if (Armed && matches(message.Request) && Interlocked.CompareExchange(ref failed, 1, 0) == 0)
        {
            throw new InvalidOperationException("Storage is unreachable (injected by the test).");
        }
    }
}
