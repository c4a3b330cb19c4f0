using Microsoft.AspNetCore.Http;
using Switchboard.Storage.Auth;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// <c>POST /api/auth/sign-out</c>: deletes the session's row, so the cookie stops working everywhere it was copied,
/// and clears it. With an API key there is no session to end: 204 all the same.
/// </summary>
public sealed class SignOut(AgentAuthenticator auth, SessionStore sessions, SessionCookies cookies)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (agent.SessionId is { } sessionId)
        {
            await sessions.DeleteAsync(agent.Id, sessionId, cancellationToken);
            cookies.Clear(request);
        }
        return Results.NoContent();
    }
}
