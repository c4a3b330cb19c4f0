using System.Globalization;
using System.Text;

namespace Switchboard.Core.KnowledgeBase;

/// <summary>An article's lifecycle: drafts and archived articles are never on the public site.</summary>
public static class ArticleStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Archived = "archived";

    public static readonly IReadOnlyList<string> All = [Draft, Published, Archived];

    public static bool IsKnown(string? status) => status is Draft or Published or Archived;
}

/// <summary>URL slugs: lowercase ASCII letters, digits and single hyphens, as readable in a link as the title.</summary>
public static class Slugs
{
    public const int MaxLength = 80;

    /// <summary>The slug a title suggests: accents dropped, everything else between words turned into one hyphen.</summary>
    public static string FromTitle(string title)
    {
        var builder = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        slug = slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
        return slug.Length == 0 ? "article" : slug;
    }

    public static bool IsValid(string? slug) =>
        slug is { Length: > 0 and <= MaxLength }
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--");
}
