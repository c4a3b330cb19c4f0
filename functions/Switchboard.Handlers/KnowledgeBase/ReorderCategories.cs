using Switchboard.Handlers.KnowledgeBase.Site;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary>The body of <c>PUT /api/kb/categories</c>.</summary>
public sealed record CategoryOrder(IReadOnlyList<string>? Names);

/// <summary>Every category, in the site's order.</summary>
public sealed record CategoryList(IReadOnlyList<string> Names);

/// <summary>
/// <c>PUT /api/kb/categories {names}</c>: the order of the categories on the site's home page (first shown first);
/// categories not named keep their relative order after them. Categories themselves come from the articles.
/// </summary>
public sealed class ReorderCategories(ArticleStore store, KbPublishRequests site)
{
    public const int MaxCategories = 100;

    public async Task<IResult> HandleAsync(CategoryOrder order, CancellationToken cancellationToken = default)
    {
        if (order.Names is not { Count: > 0 and <= MaxCategories } names || names.Any(n => string.IsNullOrWhiteSpace(n)))
        {
            return Problems.BadRequest($"names is required: 1 to {MaxCategories} category names, first shown first.", "names");
        }
        var known = (await store.CategoriesAsync(cancellationToken)).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.FirstOrDefault(n => !known.Contains(n.Trim())) is { } unknown)
        {
            return Problems.BadRequest($"There is no category '{unknown}'; categories come from the articles that name them.", "names");
        }
        await store.ReorderCategoriesAsync([.. names.Select(n => n.Trim())], cancellationToken);
        // The home page lists the categories in this order: the site shows it once republished.
        await site.RequestAsync(cancellationToken);
        return Results.Ok(new CategoryList((await store.CategoriesAsync(cancellationToken)).Select(c => c.Name).ToList()));
    }
}
