using Switchboard.Handlers.Conversations;
using Switchboard.Handlers.KnowledgeBase;

namespace Switchboard.Functions.KnowledgeBase;

/// <summary>From a conversation to the knowledge base: a good answer written once becomes an article.</summary>
public sealed class ArticleFromReplyFunctions(AgentApi api, CreateArticleFromReply createFromReply)
{
    [Function(nameof(CreateArticleFromReply))]
    [Api("Knowledge base", "Turns an outbound reply into a draft article: the conversation's subject as title, the reply's own text (quotes and signature stripped) as body.", typeof(ArticleView), Status = 201, Problems = [400, 401, 404])]
    public Task<IResult> CreateArticleFromReply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversations/{id}/messages/{messageId}/article")] HttpRequest request,
        string id, string messageId, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => createFromReply.HandleAsync(agent, id, messageId, cancellationToken),
            cancellationToken, ConversationRoute.Id(id));
}
