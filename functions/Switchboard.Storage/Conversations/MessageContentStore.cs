using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Switchboard.Core.Inbound;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// Attachments (<c>mail/attachments/{conversation}/{message}/{n}</c>) and bodies too large for a table row
/// (<c>mail/bodies/{conversation}/{message}.json</c>). Names are fixed per message, so a retry overwrites instead of adding.
/// </summary>
public sealed class MessageContentStore(StorageAccount storage)
{
    private BlobContainerClient Container => storage.Container(StorageLayout.MailContainer);

    public async Task<IReadOnlyList<StoredAttachment>> SaveAttachmentsAsync(
        string conversationId, string messageRowKey, IReadOnlyList<ParsedAttachment> attachments, CancellationToken cancellationToken = default)
    {
        var stored = new List<StoredAttachment>(attachments.Count);
        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            var name = $"attachments/{conversationId}/{messageRowKey}/{i}";
            await Container.GetBlobClient(name).UploadAsync(
                new BinaryData(attachment.Content),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = attachment.ContentType } },
                cancellationToken);
            stored.Add(new StoredAttachment(attachment.FileName, attachment.ContentType, attachment.Size, attachment.ContentId, attachment.Inline, name));
        }
        return stored;
    }

    public async Task<string> SaveBodyAsync(string conversationId, string messageRowKey, StoredBody body, CancellationToken cancellationToken = default)
    {
        var name = $"bodies/{conversationId}/{messageRowKey}.json";
        await Container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(body, JsonDefaults.Options), overwrite: true, cancellationToken);
        return name;
    }

    public async Task<StoredBody> ReadBodyAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var content = await Container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<StoredBody>(JsonDefaults.Options)!;
    }

    /// <summary>Null when the blob does not exist.</summary>
    public async Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Container.GetBlobClient(blobName).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes blobs saved for an item that was then not written (missing ones are fine).</summary>
    public async Task DeleteAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken = default)
    {
        foreach (var name in blobNames)
        {
            await Container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
