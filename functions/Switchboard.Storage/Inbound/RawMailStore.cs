using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Switchboard.Core;
using Switchboard.Core.Inbound;

namespace Switchboard.Storage.Inbound;

/// <summary>
/// Raw mail as received, in <c>mail/raw/{yyyy}/{MM}/{dd}/{id}.eml</c>, and the queue message that asks for it to be
/// processed. The blob is written before the message is queued, and both before the webhook answers 2xx.
/// </summary>
public sealed class RawMailStore(StorageAccount storage)
{
    private BlobContainerClient Container => storage.Container(StorageLayout.MailContainer);

    public static string BlobNameFor(string id, DateTimeOffset receivedAt) =>
        $"raw/{receivedAt:yyyy}/{receivedAt:MM}/{receivedAt:dd}/{id}.eml";

    public async Task StoreAndQueueAsync(InboundEmailReceived received, Stream rawMime, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" },
            Metadata = new Dictionary<string, string> { ["source"] = received.Source },
        };
        await Container.GetBlobClient(received.RawBlobName).UploadAsync(rawMime, options, cancellationToken);
        await storage.Queue(QueueNames.InboundEmail).SendMessageAsync(JsonSerializer.Serialize(received, JsonDefaults.Options), cancellationToken);
    }

    public async Task<byte[]> ReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var content = await Container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToArray();
    }
}
