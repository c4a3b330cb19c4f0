using Switchboard.Storage.Auth;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// <c>POST /api/auth/sign-out</c>: deletes the session's row, so the cookie stops working everywhere it was copied,
/// and clears it. With an API key there is no session to end: 204 all the same.
/// </summary>
public sealed class SignOut(SessionStore sessions)
{
    public async Task<IResult> HandleAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        if (agent.SessionId is not { } sessionId)
        {
            return Results.NoContent();
        }
        await sessions.DeleteAsync(agent.Id, sessionId, cancellationToken);
        return SessionCookies.Clearing(Results.NoContent());
    }
}
