using Switchboard.Core.KnowledgeBase;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary><c>GET /api/kb/articles?status=&amp;category=&amp;q=</c>: every article (drafts included), newest change first.</summary>
public sealed class ListArticles(ArticleStore store, IOptions<KnowledgeBaseOptions> options)
{
    public async Task<IResult> HandleAsync(ArticleQuery query, CancellationToken cancellationToken = default) =>
        Results.Ok(await ListAsync(query.Status, query.Category, query.Words, cancellationToken));

    public async Task<ArticleList> ListAsync(string? status, string? category, string? query, CancellationToken cancellationToken = default)
    {
        var siteUrl = options.Value.Url is { Length: > 0 } url ? url : "/kb/";
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var articles = (await store.ListAsync(cancellationToken))
            .Where(a => status is not { Length: > 0 } || a.Status == status)
            .Where(a => category is not { Length: > 0 } || string.Equals(a.Category, category, StringComparison.OrdinalIgnoreCase))
            .Where(a => words.All(w => $"{a.Title} {a.Summary} {a.Body}".Contains(w, StringComparison.OrdinalIgnoreCase)))
            // A title match first: the composer's "insert a link" search wants the article named so.
            .OrderByDescending(a => words.Length > 0 && words.All(w => a.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(a => a.UpdatedAt)
            .Select(a => ArticleSummaryView.Of(a, siteUrl))
            .ToList();
        var categories = (await store.CategoriesAsync(cancellationToken)).Select(c => c.Name).ToList();
        return new ArticleList(articles, categories);
    }
}

/// <summary><c>GET /api/kb/articles/{id}</c>: one article with its rendered HTML and ETag.</summary>
public sealed class GetArticle(ArticleStore store)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, cancellationToken) is { } article
            ? Results.Ok(ArticleView.Of(article)).WithETag(VersionTags.ETag(article.Version))
            : Problems.NotFound($"There is no article '{id}'.");
}

/// <summary><c>GET /api/kb/articles/{id}/revisions</c>: every save, newest first.</summary>
public sealed class ListArticleRevisions(ArticleStore store)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no article '{id}'.");
        }
        return Results.Ok(new RevisionList((await store.RevisionsAsync(id, cancellationToken)).Select(RevisionView.Of).ToList()));
    }
}

/// <summary><c>GET /api/kb/articles/{id}/diff?from=&amp;to=</c>: what changed between two saves.</summary>
public sealed class DiffArticleRevisions(ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(string id, RevisionRange range, CancellationToken cancellationToken = default) =>
        await authoring.DiffAsync(id, range.From, range.To, cancellationToken) is { } diff
            ? Results.Ok(diff)
            : Problems.NotFound($"Article '{id}' has no version {range.From} or {range.To}.");
}
