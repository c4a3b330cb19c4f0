namespace Switchboard.Handlers.Hosting;

/// <summary>
/// A numbered version as an HTTP entity tag (<c>"v7"</c>): GET sends it, a change sends it back as If-Match. A
/// conversation's counts items only, so assigning or tagging does not make a composer stale; an article's counts saves.
/// </summary>
public static class VersionTags
{
    public static string ETag(int version) => $"\"v{version}\"";

    /// <summary>The version an If-Match header names; null when absent or not one of ours.</summary>
    public static int? Parse(string? ifMatch)
    {
        var value = ifMatch?.Trim();
        if (value is null || value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value?[2..];
        }
        return value is ['"', 'v', .. var digits, '"'] && int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var version)
            ? version
            : null;
    }

    /// <summary>
    /// The required If-Match of a change: the version it names, 428 when it is missing (<paramref name="whyRequired"/>
    /// says where to get it and why), 400 when it is not one of ours.
    /// </summary>
    public static (int? Version, IResult? Invalid) ReadIfMatch(HttpRequest request, string whyRequired)
    {
        if (request.Headers.IfMatch.FirstOrDefault() is not { Length: > 0 } ifMatch)
        {
            return (null, Problems.PreconditionRequired(whyRequired, "If-Match"));
        }
        return Parse(ifMatch) is { } version
            ? (version, null)
            : (null, Problems.BadRequest($"If-Match '{ifMatch}' is not an ETag of this API (\"v<number>\").", "If-Match"));
    }
}
