using Switchboard.Handlers.Auth;
using Switchboard.Storage.SavedReplies;

namespace Switchboard.Handlers.SavedReplies;

/// <summary><c>PUT /api/saved-replies/{id} {name, body}</c>: replaces one of the calling agent's saved replies.</summary>
public sealed class UpdateSavedReply(SavedReplyStore replies, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent agent, string id, SavedReplyBody body, CancellationToken cancellationToken = default)
    {
        if (SavedReplyRules.Check(body) is { } problem)
        {
            return problem;
        }
        if (await replies.GetAsync(agent.Id, id, cancellationToken) is not { } reply)
        {
            return Problems.NotFound($"You have no saved reply '{id}'.");
        }
        reply.Name = body.Name!.Trim();
        reply.Body = body.Body!;
        reply.UpdatedAt = time.GetUtcNow();
        return await replies.TryReplaceAsync(agent.Id, reply, cancellationToken)
            ? Results.Ok(SavedReplyView.Of(reply))
            : Problems.NotFound($"You have no saved reply '{id}'.");
    }
}
