using Switchboard.Core.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

internal static class ArticleRules
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;
    public const int MaxCategoryLength = 60;
    /// <summary>A Table property holds 64 KB, i.e. 32K UTF-16 characters; an article longer than this is two articles.</summary>
    public const int MaxBodyLength = 30_000;

    /// <summary>The 400 for an input that cannot be saved, naming the field; null when it can.</summary>
    public static IResult? Check(ArticleInput input, bool creating)
    {
        if (creating && string.IsNullOrWhiteSpace(input.Title))
        {
            return Problems.BadRequest("title is required.", "title");
        }
        if (input.Title is { } title && (title.Trim().Length is 0 or > MaxTitleLength))
        {
            return Problems.BadRequest($"title must be 1 to {MaxTitleLength} characters.", "title");
        }
        if (creating && input.Body is null)
        {
            return Problems.BadRequest("body is required (Markdown; it may be empty).", "body");
        }
        if (input.Body is { Length: > MaxBodyLength })
        {
            return Problems.BadRequest($"body is limited to {MaxBodyLength} characters.", "body");
        }
        if (input.Summary is { } summary && summary.Trim().Length > MaxSummaryLength)
        {
            return Problems.BadRequest($"summary is limited to {MaxSummaryLength} characters.", "summary");
        }
        if (input.Category is { } category && category.Trim().Length > MaxCategoryLength)
        {
            return Problems.BadRequest($"category is limited to {MaxCategoryLength} characters.", "category");
        }
        if (input.Status is { } status && !ArticleStatus.IsKnown(status))
        {
            return Problems.BadRequest($"status must be one of {string.Join(", ", ArticleStatus.All)}.", "status");
        }
        if (input.Slug is { } slug && !Slugs.IsValid(slug))
        {
            return Problems.BadRequest(
                $"slug must be lowercase letters, digits and single hyphens, at most {Slugs.MaxLength} characters (e.g. '{Slugs.FromTitle(input.Title ?? slug)}').", "slug");
        }
        return null;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
