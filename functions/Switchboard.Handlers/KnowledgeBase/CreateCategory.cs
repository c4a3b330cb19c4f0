using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary>The body of <c>POST /api/kb/categories</c>.</summary>
public sealed record CategoryInput(string? Name);

/// <summary>
/// <c>POST /api/kb/categories {name}</c>: a category before any article names it (it goes last; one that exists is
/// left where it is). The site lists a category once it has a published article, so nothing is republished.
/// </summary>
public sealed class CreateCategory(ArticleStore store)
{
    public async Task<IResult> HandleAsync(CategoryInput input, CancellationToken cancellationToken = default)
    {
        if (ArticleRules.Clean(input.Name) is not { Length: <= ArticleRules.MaxCategoryLength } name)
        {
            return Problems.BadRequest($"name is required: 1 to {ArticleRules.MaxCategoryLength} characters.", "name");
        }
        await store.EnsureCategoryAsync(name, cancellationToken);
        var names = (await store.CategoriesAsync(cancellationToken)).Select(c => c.Name).ToList();
        return Results.Created("/api/kb/categories", new CategoryList(names));
    }
}
