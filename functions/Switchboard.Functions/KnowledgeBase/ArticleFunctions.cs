using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Hosting;
using Switchboard.Handlers.KnowledgeBase;

namespace Switchboard.Functions.KnowledgeBase;

public sealed class ArticleFunctions(
    ListArticles listArticles,
    GetArticle getArticle,
    CreateArticle createArticle,
    UpdateArticle updateArticle,
    PublishArticle publishArticle,
    PreviewArticle previewArticle)
{
    [Function(nameof(ListArticles))]
    [EndpointSummary("Knowledge base articles (drafts included) filtered by status, category and words; the categories in order.")]
    [Tags("Knowledge base")]
    [ProducesResponseType<ArticleList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> ListArticles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        listArticles.HandleAsync(request, cancellationToken);

    [Function(nameof(GetArticle))]
    [EndpointSummary("One article with its rendered HTML; the ETag is the If-Match of the next save.")]
    [Tags("Knowledge base")]
    [ProducesResponseType<ArticleView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> GetArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/articles/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        getArticle.HandleAsync(request, id, cancellationToken);

    [Function(nameof(CreateArticle))]
    [EndpointSummary("A new article {title, body, category?, summary?, status?, slug?}; a draft unless status says otherwise.")]
    [Tags("Knowledge base")]
    [Accepts<ArticleInput>("application/json")]
    [ProducesResponseType<ArticleView>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public Task<IResult> CreateArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        createArticle.HandleAsync(request, cancellationToken);

    [Function(nameof(UpdateArticle))]
    [EndpointSummary("Saves the given fields as a new revision; If-Match is required and a stale one is a 409 showing what changed.")]
    [Tags("Knowledge base")]
    [Accepts<ArticleInput>("application/json")]
    [ProducesResponseType<ArticleView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status428PreconditionRequired)]
    public Task<IResult> UpdateArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/kb/articles/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        updateArticle.HandleAsync(request, id, cancellationToken);

    [Function(nameof(PublishArticle))]
    [EndpointSummary("Makes the article public.")]
    [Tags("Knowledge base")]
    [ProducesResponseType<ArticleView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public Task<IResult> PublishArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/articles/{id}/publish")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        publishArticle.HandleAsync(request, id, cancellationToken);

    [Function(nameof(PreviewArticle))]
    [EndpointSummary("The sanitized HTML a Markdown body renders to, by the same code that publishes.")]
    [Tags("Knowledge base")]
    [Accepts<PreviewInput>("application/json")]
    [ProducesResponseType<PreviewView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    public Task<IResult> PreviewArticle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/preview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        previewArticle.HandleAsync(request, cancellationToken);
}
