using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.SavedReplies;

namespace Switchboard.Handlers.SavedReplies;

/// <summary><c>DELETE /api/saved-replies/{id}</c>: deletes one of the calling agent's saved replies.</summary>
public sealed class DeleteSavedReply(AgentAuthenticator auth, SavedReplyStore replies)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        return await replies.TryDeleteAsync(agent.Id, id, cancellationToken)
            ? Results.NoContent()
            : Problems.NotFound($"You have no saved reply '{id}'.");
    }
}
