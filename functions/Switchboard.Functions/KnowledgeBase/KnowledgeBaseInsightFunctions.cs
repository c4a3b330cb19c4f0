using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Hosting;
using Switchboard.Handlers.KnowledgeBase;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Functions.KnowledgeBase;

/// <summary>What readers told the team: votes and comments, searches that found nothing, deflection by week.</summary>
public sealed class KnowledgeBaseInsightFunctions(
    AgentApi api, GetArticleFeedback getFeedback, ListArticleFeedback listFeedback, ListSearchMisses listMisses, GetDeflection getDeflection)
{
    [Function(nameof(GetArticleFeedback))]
    [EndpointSummary("An article's helpful and not-helpful votes and its readers' comments, newest first.")]
    [Tags("Knowledge base")]
    [ProducesResponseType<ArticleFeedbackView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblems(401, 404)]
    public Task<IResult> GetArticleFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/articles/{id}/feedback")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getFeedback.HandleAsync(id, cancellationToken), cancellationToken,
            RouteId.Of(id, "article", ArticleStore.IsWellFormedId));

    [Function(nameof(ListArticleFeedback))]
    [EndpointSummary("Every article's votes and comment count, most not-helpful first.")]
    [Tags("Knowledge base")]
    [ProducesResponseType<FeedbackList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblems(401)]
    public Task<IResult> ListArticleFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/feedback")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => listFeedback.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(ListSearchMisses))]
    [EndpointSummary("Searches on the public site that found nothing, most frequent first (?limit=, 20).")]
    [Tags("Knowledge base")]
    [ProducesResponseType<SearchMissList>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblems(400, 401)]
    public Task<IResult> ListSearchMisses(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/search-misses")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<LimitQuery>(request, Callers.AnyAgent, (_, query) => listMisses.HandleAsync(query, cancellationToken), cancellationToken);

    [Function(nameof(GetDeflection))]
    [EndpointSummary("Per ISO week, newest first (?weeks=, 8): contact form visits, suggested articles opened, forms sent, deflected, deflection rate.")]
    [Tags("Knowledge base")]
    [ProducesResponseType<DeflectionReport>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblems(400, 401)]
    public Task<IResult> GetDeflection(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/deflection")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunBoundAsync<WeeksQuery>(request, Callers.AnyAgent, (_, query) => getDeflection.HandleAsync(query, cancellationToken), cancellationToken);
}
