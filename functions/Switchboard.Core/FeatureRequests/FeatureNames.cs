using System.Text;

namespace Switchboard.Core.FeatureRequests;

/// <summary>
/// A requested feature's name as agents type it ("Dark mode", "dark  mode ") and its key ("dark-mode"): names that
/// differ only in case, spacing or punctuation are the same feature, so customers who asked for it are counted together.
/// </summary>
public static class FeatureNames
{
    public const int MaxLength = 80;

    /// <summary>The name tidied (trimmed, inner whitespace single) and its key, or a problem saying what is wrong.</summary>
    public static (string Name, string Key)? Normalize(string? name, out string? problem)
    {
        var tidy = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        problem = tidy.Length == 0 ? "feature must name the feature requested."
            : tidy.Length > MaxLength ? $"feature is at most {MaxLength} characters."
            : null;
        if (problem is not null)
        {
            return null;
        }
        var key = KeyOf(tidy);
        if (key.Length == 0)
        {
            problem = "feature needs at least one letter or digit.";
            return null;
        }
        return (tidy, key);
    }

    /// <summary>Lower-case letters and digits, runs of anything else as one '-': safe as a table key and in a URL.</summary>
    public static string KeyOf(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }
        return key.ToString().TrimEnd('-');
    }

    public static bool IsKey(string key) =>
        key.Length is > 0 and <= MaxLength && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && key[0] != '-' && key[^1] != '-';
}
