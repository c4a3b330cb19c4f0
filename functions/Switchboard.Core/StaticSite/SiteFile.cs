namespace Switchboard.Core.StaticSite;

/// <summary>
/// One file of a published static site section: its path inside the section (<c>index.html</c>,
/// <c>articles/reset-password/index.html</c>, <c>status.json</c>), its media type and its bytes.
/// </summary>
/// <remarks>
/// Paths are relative, use forward slashes and never climb out of the section; <see cref="Validate"/> says why one is
/// refused. A path that ends in <c>/</c> is not a file; write <c>…/index.html</c> instead.
/// </remarks>
public sealed record SiteFile(string Path, string ContentType, ReadOnlyMemory<byte> Content)
{
    public const int MaxPathLength = 400;

    /// <summary>Null when <paramref name="path"/> can be a file of a section, else why not.</summary>
    public static string? Validate(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxPathLength)
        {
            return $"A site path must hold 1 to {MaxPathLength} characters.";
        }
        if (path.StartsWith('/') || path.EndsWith('/') || path.Contains('\\') || path.Contains("//", StringComparison.Ordinal))
        {
            return $"'{path}' must be relative, use single forward slashes and name a file.";
        }
        if (path.Split('/').Any(segment => segment is "." or ".." || segment.Any(char.IsControl)))
        {
            return $"'{path}' must not contain '.', '..' or control characters as a segment.";
        }
        return null;
    }
}

/// <summary>
/// The sections of the public static site, each published on its own and served under <c>/{section}/</c>.
/// </summary>
public static class SiteSections
{
    public const string KnowledgeBase = "kb";
    public const string Status = "status";

    public static readonly IReadOnlyList<string> All = [KnowledgeBase, Status];

    public static bool IsSection(string section) => All.Contains(section, StringComparer.Ordinal);
}
