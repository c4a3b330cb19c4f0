namespace Switchboard.Handlers.Conversations;

/// <summary>
/// The conversation's version as an HTTP entity tag (<c>"v7"</c>): GET sends it, a reply sends it back as If-Match.
/// It counts items only, so assigning or tagging does not make a composer stale.
/// </summary>
public static class ConversationVersions
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
}
