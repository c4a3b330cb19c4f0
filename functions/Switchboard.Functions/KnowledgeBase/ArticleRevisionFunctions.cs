using Switchboard.Handlers.KnowledgeBase;

namespace Switchboard.Functions.KnowledgeBase;

public sealed class ArticleRevisionFunctions(
    AgentApi api,
    ListArticleRevisions listRevisions,
    DiffArticleRevisions diffRevisions,
    RestoreArticleRevision restoreRevision)
{
    [Function(nameof(ListArticleRevisions))]
    [Api("Knowledge base", "Every save of an article (who, when, the whole text), newest first.", typeof(RevisionList), Problems = [401, 404])]
    public Task<IResult> ListArticleRevisions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/articles/{id}/revisions")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listRevisions.HandleAsync(id, cancellationToken), cancellationToken, ArticleRoute.Id(id));

    [Function(nameof(DiffArticleRevisions))]
    [Api("Knowledge base", "The line diff of the body and the changed fields between versions ?from= and ?to=.", typeof(RevisionDiffView), Problems = [400, 401, 404])]
    public Task<IResult> DiffArticleRevisions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/articles/{id}/diff")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunBoundAsync<RevisionRange>(request, Callers.AnyAgent, (_, range) => diffRevisions.HandleAsync(id, range, cancellationToken),
            cancellationToken, ArticleRoute.Id(id));

    [Function(nameof(RestoreArticleRevision))]
    [Api("Knowledge base", "Saves a new revision with an earlier version's title, body, category and summary; If-Match required.", typeof(ArticleView), Problems = [400, 401, 404, 409, 428])]
    public Task<IResult> RestoreArticleRevision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/articles/{id}/revisions/{version}/restore")] HttpRequest request,
        string id, string version, CancellationToken cancellationToken) =>
        api.RunBoundAsync<SeenVersion>(request, Callers.AnyAgent, (agent, seen) => restoreRevision.HandleAsync(agent, id, version, seen, cancellationToken),
            cancellationToken, ArticleRoute.Id(id));
}
