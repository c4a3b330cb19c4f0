using Switchboard.Handlers.Auth;
using Switchboard.Storage.SavedReplies;

namespace Switchboard.Handlers.SavedReplies;

/// <summary><c>DELETE /api/saved-replies/{id}</c>: deletes one of the calling agent's saved replies.</summary>
public sealed class DeleteSavedReply(SavedReplyStore replies)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, CancellationToken cancellationToken = default)
    {
        return await replies.TryDeleteAsync(agent.Id, id, cancellationToken)
            ? Results.NoContent()
            : Problems.NotFound($"You have no saved reply '{id}'.");
    }
}
