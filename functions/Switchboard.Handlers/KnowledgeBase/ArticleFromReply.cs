using System.Text.RegularExpressions;
using Switchboard.Core.Conversations;
using Switchboard.Core.Inbound.Replies;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Conversations;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary>
/// <c>POST /api/conversations/{id}/messages/{messageId}/article</c>: "Turn this reply into an article". A draft whose
/// title is the conversation's subject (reply prefixes dropped) and whose body is what the agent wrote in that
/// outbound reply, quoted history and signature stripped (the customer's words stay out of the knowledge base).
/// </summary>
public sealed partial class CreateArticleFromReply(ConversationStore conversations, MessageContentStore content, ArticleAuthoring authoring)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, string messageId, CancellationToken cancellationToken = default)
    {
        var reply = ConversationIds.IsMessageId(messageId) ? await conversations.GetMessageAsync(id, messageId, cancellationToken) : null;
        if (reply is null || await conversations.GetHeadAsync(reply.PartitionKey, cancellationToken) is not { } head)
        {
            return Problems.NotFound($"There is no message '{messageId}' in conversation '{id}'.");
        }
        if (reply.Kind != MessageKinds.Email || reply.Direction != "outbound")
        {
            return Problems.BadRequest("Only a reply the team sent can become an article.", "messageId");
        }
        var text = reply.BodyBlobName is { } blob ? (await content.ReadBodyAsync(blob, cancellationToken)).Text : reply.Text ?? reply.VisibleText ?? "";
        var body = QuotedTextStripper.VisibleText(text);
        if (body.Length > ArticleRules.MaxBodyLength)
        {
            body = body[..ArticleRules.MaxBodyLength];
        }
        var input = new ArticleInput(Title(head.Subject), body, Status: Core.KnowledgeBase.ArticleStatus.Draft);
        return ArticleResults.Of(await authoring.CreateAsync(input, agent, cancellationToken), "", created: true);
    }

    /// <summary>The subject without "Re:", "Fwd:" and the like; a conversation without one gets a title to edit.</summary>
    public static string Title(string subject)
    {
        var title = ReplyPrefix().Replace(subject, "").Trim();
        title = title.Length > ArticleRules.MaxTitleLength ? title[..ArticleRules.MaxTitleLength].Trim() : title;
        return title.Length == 0 ? "Untitled article from a reply" : title;
    }

    [GeneratedRegex(@"^(\s*(re|fwd?|aw|sv|antw)\s*(\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();
}
