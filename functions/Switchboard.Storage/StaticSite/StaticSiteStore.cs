using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Switchboard.Core.StaticSite;

namespace Switchboard.Storage.StaticSite;

/// <summary>
/// The public static site (knowledge base, status page) as published, kept in the <c>site</c> container: the seam both
/// features publish through. A publish writes every new or changed file first (content-addressed, so unchanged files are
/// not rewritten), then switches the section's current manifest in one conditional write: a reader sees the old
/// release or the new one, never a mix, and a publish that fails half-way changes nothing that is served.
/// In Azure, <see cref="StaticWebAppDeployer"/> then copies the current releases to Static Web Apps; locally the host
/// serves them from here (<see cref="OpenAsync"/>).
/// </summary>
public sealed class StaticSiteStore(StorageAccount account, TimeProvider time)
{
    /// <summary>Releases kept per section, so that a reader holding an older manifest still finds its files.</summary>
    public const int ReleasesKept = 3;

    /// <summary>
    /// A file no kept release uses is deleted only once it is this old: a publish running at the same time may have
    /// just uploaded (or found) it for the release it is about to switch to.
    /// </summary>
    public static readonly TimeSpan PruneGrace = TimeSpan.FromMinutes(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private BlobContainerClient Container => account.Container(StorageLayout.SiteContainer);

    /// <summary>
    /// Makes <paramref name="files"/> the whole of <paramref name="section"/>; the same files as now publish nothing. Throws
    /// <see cref="SitePublishConflictException"/> when another publish of the section switched first.
    /// </summary>
    public Task<SiteRelease> PublishAsync(string section, IReadOnlyCollection<SiteFile> files, CancellationToken cancellationToken = default) =>
        PublishAsync(section, _ => Task.FromResult(files), cancellationToken);

    /// <summary>
    /// As above, with the files rendered by <paramref name="render"/> only after the current release is read: a render
    /// from tables older than a concurrent publish's can then never replace that publish (its switch is refused), so
    /// the last release always includes every change saved before its publish began.
    /// </summary>
    public async Task<SiteRelease> PublishAsync(string section, Func<CancellationToken, Task<IReadOnlyCollection<SiteFile>>> render,
        CancellationToken cancellationToken = default)
    {
        RequireSection(section);
        var (current, etag) = await ReadCurrentAsync(section, cancellationToken);
        var files = await render(cancellationToken);
        var duplicate = files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"'{duplicate.Key}' is given twice.", nameof(files));
        }
        if (files.Select(f => SiteFile.Validate(f.Path)).FirstOrDefault(error => error is not null) is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(files));
        }

        var entries = new Dictionary<string, SiteManifestEntry>(StringComparer.Ordinal);
        var uploaded = 0;
        foreach (var file in files)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content.Span));
            entries[file.Path] = new SiteManifestEntry(hash, file.ContentType, file.Content.Length);
            if (current?.Files.TryGetValue(file.Path, out var before) == true && before.Hash == hash && before.ContentType == file.ContentType)
            {
                continue;
            }
            if (await UploadOnceAsync(FileBlob(section, hash), file, cancellationToken))
            {
                uploaded++;
            }
        }

        if (current is not null && SameFiles(current.Files, entries))
        {
            return new SiteRelease(current.Id, section, entries.Count, 0);
        }

        var now = time.GetUtcNow();
        // Ticks first, so that listing a section's releases lists them oldest first.
        var id = $"{now.UtcTicks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var manifest = new SiteManifest(id, section, now, entries);
        var bytes = BinaryData.FromObjectAsJson(manifest, Json);
        await Container.GetBlobClient(ReleaseBlob(section, id)).UploadAsync(bytes, overwrite: false, cancellationToken);
        await SwitchAsync(section, bytes, etag, cancellationToken);
        await PruneAsync(section, cancellationToken);
        return new SiteRelease(id, section, entries.Count, uploaded);
    }

    /// <summary>The section's current release, or null before its first publish.</summary>
    public async Task<SiteManifest?> CurrentAsync(string section, CancellationToken cancellationToken = default)
    {
        RequireSection(section);
        return (await ReadCurrentAsync(section, cancellationToken)).Manifest;
    }

    /// <summary>
    /// A file of the section's current release, as a static host would find it: <c>""</c> and paths ending in
    /// <c>/</c> mean their <c>index.html</c>, and a path without an extension also tries <c>{path}/index.html</c>.
    /// Null when there is no such file.
    /// </summary>
    public async Task<SiteFileContent?> OpenAsync(string section, string path, CancellationToken cancellationToken = default)
    {
        if (!SiteSections.IsSection(section) || await CurrentAsync(section, cancellationToken) is not { } manifest)
        {
            return null;
        }
        foreach (var candidate in Candidates(path))
        {
            if (manifest.Files.TryGetValue(candidate, out var entry))
            {
                var blob = Container.GetBlobClient(FileBlob(section, entry.Hash));
                var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
                return new SiteFileContent(content, entry.ContentType, entry.Length, $"\"{entry.Hash}\"");
            }
        }
        return null;
    }

    /// <summary>The bytes of one file of a manifest (for copying a release elsewhere).</summary>
    public async Task<BinaryData> ReadFileAsync(string section, SiteManifestEntry entry, CancellationToken cancellationToken = default) =>
        (await Container.GetBlobClient(FileBlob(section, entry.Hash)).DownloadContentAsync(cancellationToken)).Value.Content;

    private static bool SameFiles(IReadOnlyDictionary<string, SiteManifestEntry> before, Dictionary<string, SiteManifestEntry> after) =>
        before.Count == after.Count && after.All(pair => before.TryGetValue(pair.Key, out var entry) && entry == pair.Value);

    private static IEnumerable<string> Candidates(string path)
    {
        path = path.TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/'))
        {
            yield return path + "index.html";
            yield break;
        }
        yield return path;
        if (!Path.GetFileName(path).Contains('.'))
        {
            yield return path + "/index.html";
        }
    }

    private async Task<(SiteManifest? Manifest, ETag? ETag)> ReadCurrentAsync(string section, CancellationToken cancellationToken)
    {
        try
        {
            var download = await Container.GetBlobClient(CurrentBlob(section)).DownloadContentAsync(cancellationToken);
            return (download.Value.Content.ToObjectFromJson<SiteManifest>(Json), download.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Content-addressed: a blob that exists already holds these very bytes. It is touched instead, so that a prune
    /// running meanwhile counts it as fresh.
    /// </summary>
    private async Task<bool> UploadOnceAsync(string name, SiteFile file, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(new BinaryData(file.Content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            await blob.SetMetadataAsync(new Dictionary<string, string> { ["touched"] = "publish" }, cancellationToken: cancellationToken);
            return false;
        }
    }

    private async Task SwitchAsync(string section, BinaryData manifest, ETag? expected, CancellationToken cancellationToken)
    {
        var conditions = expected is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            await Container.GetBlobClient(CurrentBlob(section)).UploadAsync(manifest, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Conditions = conditions,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new SitePublishConflictException(section);
        }
    }

    /// <summary>
    /// Deletes releases beyond the newest <see cref="ReleasesKept"/>, and files none of those uses once they are older
    /// than <see cref="PruneGrace"/>. Concurrent prunes may delete the same blobs; that is harmless.
    /// </summary>
    private async Task PruneAsync(string section, CancellationToken cancellationToken)
    {
        var releases = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"releases/{section}/", cancellationToken))
        {
            releases.Add(blob.Name);
        }
        releases.Sort(StringComparer.Ordinal);
        var kept = releases.TakeLast(ReleasesKept).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in kept)
        {
            try
            {
                var manifest = (await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToObjectFromJson<SiteManifest>(Json);
                used.UnionWith(manifest!.Files.Values.Select(entry => entry.Hash));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // A concurrent prune (with a newer listing) deleted it; its files are no longer needed either.
            }
        }
        foreach (var name in releases.Except(kept))
        {
            await Container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"files/{section}/", cancellationToken))
        {
            var unused = !used.Contains(blob.Name[(blob.Name.LastIndexOf('/') + 1)..]);
            if (unused && blob.Properties.LastModified < time.GetUtcNow() - PruneGrace)
            {
                await Container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }
    }

    private static void RequireSection(string section)
    {
        if (!SiteSections.IsSection(section))
        {
            throw new ArgumentException($"'{section}' is not a site section ({string.Join(", ", SiteSections.All)}).", nameof(section));
        }
    }

    private static string CurrentBlob(string section) => $"current/{section}.json";
    private static string ReleaseBlob(string section, string id) => $"releases/{section}/{id}.json";
    private static string FileBlob(string section, string hash) => $"files/{section}/{hash}";
}
