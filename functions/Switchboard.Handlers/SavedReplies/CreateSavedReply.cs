using Switchboard.Handlers.Auth;
using Switchboard.Storage.SavedReplies;

namespace Switchboard.Handlers.SavedReplies;

/// <summary><c>POST /api/saved-replies {name, body}</c>: a new saved reply of the calling agent's.</summary>
public sealed class CreateSavedReply(SavedReplyStore replies, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent agent, SavedReplyBody body, CancellationToken cancellationToken = default)
    {
        if (SavedReplyRules.Check(body) is { } problem)
        {
            return problem;
        }
        if ((await replies.ListAsync(agent.Id, cancellationToken)).Count >= SavedReplyRules.MaxPerAgent)
        {
            return Problems.Conflict($"An agent keeps at most {SavedReplyRules.MaxPerAgent} saved replies; delete one first.");
        }
        var now = time.GetUtcNow();
        var reply = new SavedReplyEntity { RowKey = SavedReplyStore.NewId(), Name = body.Name!.Trim(), Body = body.Body!, CreatedAt = now, UpdatedAt = now };
        await replies.AddAsync(agent.Id, reply, cancellationToken);
        return Results.Created($"/api/saved-replies/{reply.RowKey}", SavedReplyView.Of(reply));
    }
}
