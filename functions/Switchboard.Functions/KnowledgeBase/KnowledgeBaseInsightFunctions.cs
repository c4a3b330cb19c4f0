using Switchboard.Handlers.KnowledgeBase;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Functions.KnowledgeBase;

/// <summary>What readers told the team: votes and comments, searches that found nothing, deflection by week.</summary>
public sealed class KnowledgeBaseInsightFunctions(
    AgentApi api, GetArticleFeedback getFeedback, ListArticleFeedback listFeedback, ListSearchMisses listMisses, GetDeflection getDeflection)
{
    [Function(nameof(GetArticleFeedback))]
    [Api("Knowledge base", "An article's helpful and not-helpful votes and its readers' comments, newest first.", typeof(ArticleFeedbackView), Problems = [401, 404])]
    public Task<IResult> GetArticleFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/articles/{id}/feedback")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getFeedback.HandleAsync(id, cancellationToken), cancellationToken,
            RouteId.Of(id, "article", ArticleStore.IsWellFormedId));

    [Function(nameof(ListArticleFeedback))]
    [Api("Knowledge base", "Every article's votes and comment count, most not-helpful first.", typeof(FeedbackList), Problems = [401])]
    public Task<IResult> ListArticleFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/feedback")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listFeedback.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(ListSearchMisses))]
    [Api("Knowledge base", "Searches on the public site that found nothing, most frequent first (?limit=, 20).", typeof(SearchMissList), Problems = [400, 401])]
    public Task<IResult> ListSearchMisses(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/search-misses")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<LimitQuery>(request, Callers.AnyAgent, (_, query) => listMisses.HandleAsync(query, cancellationToken), cancellationToken);

    [Function(nameof(GetDeflection))]
    [Api("Knowledge base", "Per ISO week, newest first (?weeks=, 8): contact form visits, suggested articles opened, forms sent, deflected, deflection rate.", typeof(DeflectionReport), Problems = [400, 401])]
    public Task<IResult> GetDeflection(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/deflection")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<WeeksQuery>(request, Callers.AnyAgent, (_, query) => getDeflection.HandleAsync(query, cancellationToken), cancellationToken);
}
