using Switchboard.Core.SavedReplies;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.Conversations;
using Switchboard.Storage.SavedReplies;

namespace Switchboard.Handlers.SavedReplies;

/// <summary>
/// <c>POST /api/conversations/{id}/saved-replies/{replyId}/render</c>: the calling agent's saved reply filled in for
/// this conversation (<see cref="SavedReplyTemplate"/> has the rules; the web app never renders on its own). The
/// agent's name is known for a signed-in person; an API key has none, so agent placeholders take their fallback.
/// </summary>
public sealed class RenderSavedReply(SavedReplyStore replies, ConversationStore conversations)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, string replyId, CancellationToken cancellationToken = default)
    {
        var head = await conversations.GetHeadAsync(id, cancellationToken);
        if (head is null)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        if (await replies.GetAsync(agent.Id, replyId, cancellationToken) is not { } reply)
        {
            return Problems.NotFound($"You have no saved reply '{replyId}'.");
        }
        var agentName = agent.Via == Agent.ViaSession ? agent.Name : null;
        var values = new SavedReplyValues(head.CustomerName, head.CustomerEmail, agentName, head.Subject);
        return Results.Ok(new RenderedReply(SavedReplyTemplate.Render(reply.Body, values)));
    }
}
