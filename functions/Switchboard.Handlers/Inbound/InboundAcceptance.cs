using System.Security.Cryptography;
using Azure;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Inbound;
using Switchboard.Handlers.Telemetry;
using Switchboard.Storage.Inbound;

namespace Switchboard.Handlers.Inbound;

/// <summary>
/// The last step of both webhooks: store the raw mail, queue it, and only then answer 202. If storage fails the answer
/// is 503, so that the sender (SendGrid retries for 72 hours) delivers again instead of the mail being lost.
/// </summary>
public sealed class InboundAcceptance(RawMailStore rawMail, TimeProvider time, SwitchboardMetrics metrics, ILogger<InboundAcceptance> logger)
{
    /// <param name="providerAuthentication">See <see cref="InboundEmailReceived.ProviderAuthentication"/>.</param>
    public async Task<IResult> AcceptAsync(
        byte[] rawMime, string source, IReadOnlyList<string> envelopeTo, string? envelopeFrom, CancellationToken cancellationToken,
        string? providerAuthentication = null)
    {
        var now = time.GetUtcNow();
        var id = $"{now:yyyyMMdd'T'HHmmssfff}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var received = new InboundEmailReceived(id, RawMailStore.BlobNameFor(id, now), now, source, envelopeTo, envelopeFrom, providerAuthentication);
        try
        {
            using var stream = new MemoryStream(rawMime, writable: false);
            await rawMail.StoreAndQueueAsync(received, stream, cancellationToken);
        }
        // A connection cut mid-request surfaces as a bare SocketException or IOException, not wrapped by the SDK.
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException or TimeoutException
            or System.Net.Sockets.SocketException or IOException)
        {
            logger.LogError(e, "Could not store inbound mail {Id}; answering 503 so that it is delivered again.", id);
            return Problems.Unavailable("The message could not be stored right now. It was not accepted; deliver it again.");
        }
        logger.LogInformation("Stored inbound mail {Id} ({Bytes} bytes, {Source}).", id, rawMime.Length, source);
        metrics.InboundAccepted(source);
        return Results.Json(new InboundAccepted(id), statusCode: StatusCodes.Status202Accepted);
    }
}

/// <summary>The answer to an accepted webhook: the id of the stored raw mail.</summary>
public sealed record InboundAccepted(string Id);
