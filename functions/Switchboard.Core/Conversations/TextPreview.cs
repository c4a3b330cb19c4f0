namespace Switchboard.Core.Conversations;

/// <summary>The one-line preview the inbox and the drafts list show of a text.</summary>
public static class TextPreview
{
    public const int MaxLength = 160;

    /// <summary>Whitespace (line breaks too) collapsed to single spaces; cut with an ellipsis past <see cref="MaxLength"/>.</summary>
    public static string Of(string? text)
    {
        var collapsed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxLength ? collapsed : collapsed[..(MaxLength - 3)] + "…";
    }
}
