using Switchboard.Storage.Conversations;
using Switchboard.Storage.Drafts;

namespace Switchboard.Handlers.Drafts;

/// <summary>
/// <c>GET /api/conversations/{id}/drafts</c>: the conversation's drafts, oldest first, in every state (the page shows
/// the submitted and returned ones). A range query of the conversation's own partition (RowKey d..e).
/// </summary>
public sealed class ListConversationDrafts(ConversationStore conversations, DraftStore drafts)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await conversations.GetHeadAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no conversation '{id}'.");
        }
        var items = await drafts.ListForConversationAsync(id, cancellationToken);
        return Results.Ok(new ConversationDrafts(items.OrderBy(d => d.CreatedAt).Select(DraftView.Of).ToList()));
    }
}
