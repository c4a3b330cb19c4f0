using Switchboard.Handlers.Auth;

namespace Switchboard.Functions.Auth;

public sealed class AuthFunctions(
    AgentApi api,
    RequestMagicLink requestMagicLink,
    ConsumeMagicLink consumeMagicLink,
    SignOut signOut,
    GetCurrentAgent getCurrentAgent,
    CreateApiKey createApiKey,
    RevokeApiKey revokeApiKey)
{
    [Function(nameof(RequestMagicLink))]
    [Api("Sign-in", "Emails a sign-in link (single use, 15 minutes) if the address is an agent's. Always 202; 429 after 5 requests per address in 15 minutes.", typeof(MagicLinkRequested), Status = 202, Body = typeof(MagicLinkRequest), Problems = [400, 429])]
    public Task<IResult> RequestMagicLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/auth/magic-links")] HttpRequest request,
        CancellationToken cancellationToken) =>
        requestMagicLink.HandleAsync(request, cancellationToken);

    [Function(nameof(ConsumeMagicLink))]
    [Api("Sign-in", "The emailed link: sets the session cookie and redirects to /, or to /sign-in?error=invalid|expired|used|disabled.", Status = 302)]
    public Task<IResult> ConsumeMagicLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/auth/magic-links/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        consumeMagicLink.HandleAsync(request, token, cancellationToken);

    [Function(nameof(SignOut))]
    [Api("Sign-in", "Ends the browser session (its row is deleted, so every copy of the cookie stops working).", Status = 204, Problems = [401, 403])]
    public Task<IResult> SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/auth/sign-out")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => signOut.HandleAsync(agent, cancellationToken), cancellationToken);

    [Function(nameof(GetCurrentAgent))]
    [Api("Sign-in", "The signed-in agent, with the anti-forgery token a browser sends as X-Switchboard-Csrf.", typeof(CurrentAgent), Problems = [401])]
    public Task<IResult> GetCurrentAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/auth/me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.AnyAgent, agent => getCurrentAgent.HandleAsync(agent, cancellationToken), cancellationToken);

    [Function(nameof(CreateApiKey))]
    [Api("Team", "Creates an API key for a script (Authorization: Bearer). The key is shown in this answer only. Admins only.", typeof(CreatedApiKey), Status = 201, Body = typeof(ApiKeyRequest), Problems = [400, 401, 403])]
    public Task<IResult> CreateApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/api-keys")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync<ApiKeyRequest>(request, Callers.Admin, (admin, body) => createApiKey.HandleAsync(admin, body, cancellationToken), cancellationToken);

    [Function(nameof(RevokeApiKey))]
    [Api("Team", "Revokes an API key at once. Admins only.", Status = 204, Problems = [401, 403, 404])]
    public Task<IResult> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/api-keys/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.RunAsync(request, Callers.Admin, _ => revokeApiKey.HandleAsync(id, cancellationToken), cancellationToken, ApiKeyRoute.Id(id));
}
