using Switchboard.Handlers.KnowledgeBase;

namespace Switchboard.Functions.KnowledgeBase;

/// <summary>Writing articles: everyone is an author, trainees included (nothing here reaches a customer's inbox).</summary>
public sealed class ArticleFunctions(
    AgentApi api,
    ListArticles listArticles,
    GetArticle getArticle,
    CreateArticle createArticle,
    UpdateArticle updateArticle,
    PublishArticle publishArticle,
    PreviewArticle previewArticle,
    CreateCategory createCategory,
    ReorderCategories reorderCategories)
{
    [Function(nameof(ListArticles))]
    [Api("Knowledge base", "Knowledge base articles (drafts included) filtered by status, category and words; the categories in order.", typeof(ArticleList), Problems = [400, 401])]
    public Task<IResult> ListArticles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<ArticleQuery>(request, Callers.AnyAgent, (_, query) => listArticles.HandleAsync(query, cancellationToken), cancellationToken);

    [Function(nameof(GetArticle))]
    [Api("Knowledge base", "One article with its rendered HTML; the ETag is the If-Match of the next save.", typeof(ArticleView), Problems = [401, 404])]
    public Task<IResult> GetArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/articles/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getArticle.HandleAsync(id, cancellationToken), cancellationToken, ArticleRoute.Id(id));

    [Function(nameof(CreateArticle))]
    [Api("Knowledge base", "A new article {title, body, category?, summary?, status?, slug?}; a draft unless status says otherwise.", typeof(ArticleView), Status = 201, Body = typeof(ArticleInput), Problems = [400, 401, 409, 413, 415])]
    public Task<IResult> CreateArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<ArticleInput>(request, Callers.AnyAgent, (agent, input) => createArticle.HandleAsync(agent, input, cancellationToken),
            cancellationToken, maxBodyBytes: ArticleRoute.MaxBodyBytes);

    [Function(nameof(UpdateArticle))]
    [Api("Knowledge base", "Saves the given fields as a new revision; If-Match is required and a stale one is a 409 showing what changed.", typeof(ArticleView), Body = typeof(ArticleInput), Problems = [400, 401, 404, 409, 413, 415, 428])]
    public Task<IResult> UpdateArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/kb/articles/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<ArticleEdit>(request, Callers.AnyAgent, (agent, edit) => updateArticle.HandleAsync(agent, id, edit, cancellationToken),
            cancellationToken, ArticleRoute.Id(id));

    [Function(nameof(PublishArticle))]
    [Api("Knowledge base", "Makes the article public.", typeof(ArticleView), Problems = [401, 404])]
    public Task<IResult> PublishArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/articles/{id}/publish")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => publishArticle.HandleAsync(agent, id, cancellationToken), cancellationToken, ArticleRoute.Id(id));

    [Function(nameof(PreviewArticle))]
    [Api("Knowledge base", "The sanitized HTML a Markdown body renders to, by the same code that publishes.", typeof(PreviewView), Body = typeof(PreviewInput), Problems = [400, 401, 413, 415])]
    public Task<IResult> PreviewArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/preview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<PreviewInput>(request, Callers.AnyAgent, (_, input) => Task.FromResult(previewArticle.Handle(input)),
            cancellationToken, maxBodyBytes: ArticleRoute.MaxBodyBytes);

    [Function(nameof(CreateCategory))]
    [Api("Knowledge base", "Adds a category {name} (last in the order) before any article names it; an existing one stays where it is.", typeof(CategoryList), Status = 201, Body = typeof(CategoryInput), Problems = [400, 401, 413, 415])]
    public Task<IResult> CreateCategory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/categories")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<CategoryInput>(request, Callers.AnyAgent, (_, input) => createCategory.HandleAsync(input, cancellationToken), cancellationToken);

    [Function(nameof(ReorderCategories))]
    [Api("Knowledge base", "Sets the order of the categories on the site's home page {names: first shown first}; those not named follow; republishes the site.", typeof(CategoryList), Body = typeof(CategoryOrder), Problems = [400, 401, 413, 415])]
    public Task<IResult> ReorderCategories(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/kb/categories")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<CategoryOrder>(request, Callers.AnyAgent, (_, order) => reorderCategories.HandleAsync(order, cancellationToken), cancellationToken);
}
