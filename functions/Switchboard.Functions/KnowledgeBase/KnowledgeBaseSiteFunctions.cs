using Switchboard.Core;
using Switchboard.Handlers.KnowledgeBase.Site;

namespace Switchboard.Functions.KnowledgeBase;

/// <summary>Publishing the public knowledge base: the queue that renders it, and where it stands.</summary>
public sealed class KnowledgeBaseSiteFunctions(AgentApi api, PoisonQueue poisonQueue, PublishKnowledgeBase publish, GetKbSite getSite, RequestKbPublish requestPublish)
{
    [Function(nameof(PublishKnowledgeBase))]
    public Task PublishKnowledgeBase([QueueTrigger(QueueNames.KbPublishes)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.KbPublishes, message, publish.HandleAsync, cancellationToken);

    [Function(nameof(GetKbSite))]
    [Api("Knowledge base", "Whether every change is on the public knowledge base yet (requested and published generations), and the last publish.", typeof(KbSiteStatus), Problems = [401])]
    public Task<IResult> GetKbSite(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kb/site")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, _ => getSite.HandleAsync(cancellationToken), cancellationToken);

    [Function(nameof(RequestKbPublish))]
    [Api("Knowledge base", "Publishes the whole public knowledge base again (queued; edits of published articles do this by themselves).", typeof(KbSiteStatus), Status = 202, Problems = [401, 403])]
    public Task<IResult> RequestKbPublish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/kb/site/publish")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.NotTrainee, _ => requestPublish.HandleAsync(cancellationToken), cancellationToken);
}
