namespace Switchboard.Storage.StaticSite;

/// <summary>
/// One published release of a site section: every file's path with the hash of its content (the name of its blob
/// under <c>files/{section}/</c>). The section's current manifest is one blob, so switching releases is one write.
/// </summary>
public sealed record SiteManifest(string Id, string Section, DateTimeOffset PublishedAt, IReadOnlyDictionary<string, SiteManifestEntry> Files);

public sealed record SiteManifestEntry(string Hash, string ContentType, long Length);

/// <summary>What a publish did: the new release, and how many files it had to upload.</summary>
public sealed record SiteRelease(string Id, string Section, int Files, int Uploaded);

/// <summary>A file as served: its content, media type and a strong validator.</summary>
public sealed record SiteFileContent(Stream Content, string ContentType, long Length, string ETag);

/// <summary>Another publish of the same section switched the release first; render again and retry.</summary>
public sealed class SitePublishConflictException(string section)
    : InvalidOperationException($"Another publish of the '{section}' site switched releases first; render again and retry.");
