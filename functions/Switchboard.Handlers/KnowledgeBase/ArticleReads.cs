using Microsoft.AspNetCore.Http;
using Switchboard.Core.KnowledgeBase;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary><c>GET /api/kb/articles?status=&amp;category=&amp;q=</c>: every article (drafts included), newest change first.</summary>
public sealed class ListArticles(AgentAuthenticator auth, ArticleStore store)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var status = request.Query["status"].FirstOrDefault();
        if (status is { Length: > 0 } && !ArticleStatus.IsKnown(status))
        {
            return Problems.BadRequest($"status must be one of {string.Join(", ", ArticleStatus.All)}.", "status");
        }
        return Results.Ok(await ListAsync(status, request.Query["category"].FirstOrDefault(), request.Query["q"].FirstOrDefault(), cancellationToken));
    }

    public async Task<ArticleList> ListAsync(string? status, string? category, string? query, CancellationToken cancellationToken = default)
    {
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var articles = (await store.ListAsync(cancellationToken))
            .Where(a => status is not { Length: > 0 } || a.Status == status)
            .Where(a => category is not { Length: > 0 } || string.Equals(a.Category, category, StringComparison.OrdinalIgnoreCase))
            .Where(a => words.All(w => $"{a.Title} {a.Summary} {a.Body}".Contains(w, StringComparison.OrdinalIgnoreCase)))
            // A title match first: the composer's "insert a link" search wants the article named so.
            .OrderByDescending(a => words.Length > 0 && words.All(w => a.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(a => a.UpdatedAt)
            .Select(ArticleSummaryView.Of)
            .ToList();
        var categories = (await store.CategoriesAsync(cancellationToken)).Select(c => c.Name).ToList();
        return new ArticleList(articles, categories);
    }
}

/// <summary><c>GET /api/kb/articles/{id}</c>: one article with its rendered HTML and ETag.</summary>
public sealed class GetArticle(AgentAuthenticator auth, ArticleStore store)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (await store.GetAsync(id, cancellationToken) is not { } article)
        {
            return Problems.NotFound($"There is no article '{id}'.");
        }
        request.HttpContext.Response.Headers.ETag = VersionTags.ETag(article.Version);
        return Results.Ok(ArticleView.Of(article));
    }
}

/// <summary><c>GET /api/kb/articles/{id}/revisions</c>: every save, newest first.</summary>
public sealed class ListArticleRevisions(AgentAuthenticator auth, ArticleStore store)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no article '{id}'.");
        }
        return Results.Ok(new RevisionList((await store.RevisionsAsync(id, cancellationToken)).Select(RevisionView.Of).ToList()));
    }
}

/// <summary><c>GET /api/kb/articles/{id}/diff?from=&amp;to=</c>: what changed between two saves.</summary>
public sealed class DiffArticleRevisions(AgentAuthenticator auth, ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (!int.TryParse(request.Query["from"].FirstOrDefault(), out var from) || !int.TryParse(request.Query["to"].FirstOrDefault(), out var to))
        {
            return Problems.BadRequest("from and to are required version numbers.", "from");
        }
        return await authoring.DiffAsync(id, from, to, cancellationToken) is { } diff
            ? Results.Ok(diff)
            : Problems.NotFound($"Article '{id}' has no version {from} or {to}.");
    }
}
