using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Switchboard.Storage.KnowledgeBase;

/// <summary>A file as stored: its path under the container and what to serve it as.</summary>
public sealed record ArticleFile(string Path, string ContentType, long Size);

/// <summary>
/// Images and files uploaded from the article editor: container <c>kb-files</c>, blob <c>{fileId}/{name}</c>, so
/// a name is kept for the download and two uploads of <c>image.png</c> never collide.
/// </summary>
public sealed class ArticleFileStore(StorageAccount storage)
{
    private BlobContainerClient Container => storage.Container(StorageLayout.KbFilesContainer);

    public async Task<ArticleFile> SaveAsync(string name, string contentType, BinaryData content, CancellationToken cancellationToken = default)
    {
        var path = $"f{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}/{name}";
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        await Container.GetBlobClient(path).UploadAsync(content, options, cancellationToken);
        return new ArticleFile(path, contentType, content.ToMemory().Length);
    }

    /// <summary>The file's bytes and type; null when there is none at that path.</summary>
    public async Task<(BinaryData Content, string ContentType)?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(path);
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken);
            return (result.Value.Content, result.Value.Details.ContentType);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
