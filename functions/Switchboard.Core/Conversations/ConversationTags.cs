using System.Text.RegularExpressions;

namespace Switchboard.Core.Conversations;

/// <summary>
/// Tags as stored and shown: lower case, trimmed, inner spaces as '-', letters, digits, '-', '_', '.' and ':' only,
/// at most <see cref="MaxLength"/> characters each and <see cref="MaxCount"/> per conversation, no duplicates.
/// </summary>
public static partial class ConversationTags
{
    public const int MaxCount = 20;
    public const int MaxLength = 32;

    /// <summary>The normalised tags, or the reason they cannot be (null when fine).</summary>
    public static (IReadOnlyList<string> Tags, string? Problem) Normalize(IEnumerable<string?> raw)
    {
        var tags = new List<string>();
        foreach (var value in raw)
        {
            var tag = string.Join('-', (value ?? "").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (tag.Length == 0)
            {
                return ([], "a tag may not be empty.");
            }
            if (tag.Length > MaxLength)
            {
                return ([], $"a tag has at most {MaxLength} characters ('{tag[..MaxLength]}…').");
            }
            if (!Allowed().IsMatch(tag))
            {
                return ([], $"'{tag}' may hold only letters, digits, '-', '_', '.' and ':'.");
            }
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }
        return tags.Count > MaxCount ? ([], $"a conversation has at most {MaxCount} tags.") : (tags, null);
    }

    /// <summary>The stored form: comma-separated.</summary>
    public static string Join(IEnumerable<string> tags) => string.Join(',', tags);

    public static string[] Split(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^[\p{L}\p{N}_.:-]+$")]
    private static partial Regex Allowed();
}
