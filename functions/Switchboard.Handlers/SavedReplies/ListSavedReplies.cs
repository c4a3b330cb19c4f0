using Switchboard.Core.SavedReplies;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.SavedReplies;

namespace Switchboard.Handlers.SavedReplies;

/// <summary><c>GET /api/saved-replies</c>: the calling agent's own saved replies, by name (one partition query).</summary>
public sealed class ListSavedReplies(SavedReplyStore replies)
{
    public async Task<IResult> HandleAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        var items = (await replies.ListAsync(agent.Id, cancellationToken))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(SavedReplyView.Of)
            .ToList();
        return Results.Ok(new SavedReplyList(items, SavedReplyTemplate.Placeholders));
    }
}
