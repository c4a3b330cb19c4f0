namespace Switchboard.Core.Inbound;

/// <summary>
/// Attachment names come from the sender: they are shown to agents and become file names on their machines. A safe
/// name is the last path segment only (no <c>../</c>, no absolute or drive paths, no <c>:</c>), without control
/// characters (NUL, CR and LF included), without leading dots (no hidden or relative names), and at most
/// <see cref="MaxLength"/> characters, keeping the extension. Other characters stay as the sender wrote them (the
/// app shows them as text; browsers and the encoded Content-Disposition handle the rest). Storage never uses the
/// name: blobs are numbered.
/// </summary>
public static class AttachmentNames
{
    public const int MaxLength = 150;

    public static string Safe(string? name, string fallback)
    {
        var lastSegment = (name ?? "").Split('/', '\\').Last();
        var cleaned = string.Concat(lastSegment.Select(c => char.IsControl(c) || c == ':' ? '_' : c)).Trim().TrimStart('.').Trim();
        if (cleaned.Length == 0 || cleaned.All(c => c == '_'))
        {
            return fallback;
        }
        if (cleaned.Length <= MaxLength)
        {
            return cleaned;
        }
        var extension = Path.GetExtension(cleaned);
        extension = extension.Length is > 1 and <= 16 ? extension : "";
        return cleaned[..(MaxLength - extension.Length)].TrimEnd() + extension;
    }
}
