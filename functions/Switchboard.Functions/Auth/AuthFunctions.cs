using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Handlers.Auth;

namespace Switchboard.Functions.Auth;

public sealed class AuthFunctions(
    RequestMagicLink requestMagicLink,
    ConsumeMagicLink consumeMagicLink,
    SignOut signOut,
    GetCurrentAgent getCurrentAgent,
    CreateApiKey createApiKey,
    RevokeApiKey revokeApiKey)
{
    [Function(nameof(RequestMagicLink))]
    public Task<IResult> RequestMagicLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/magic-links")] HttpRequest request,
        CancellationToken cancellationToken) =>
        requestMagicLink.HandleAsync(request, cancellationToken);

    [Function(nameof(ConsumeMagicLink))]
    public Task<IResult> ConsumeMagicLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/magic-links/{token}")] HttpRequest request,
        string token, CancellationToken cancellationToken) =>
        consumeMagicLink.HandleAsync(request, token, cancellationToken);

    [Function(nameof(SignOut))]
    public Task<IResult> SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/sign-out")] HttpRequest request,
        CancellationToken cancellationToken) =>
        signOut.HandleAsync(request, cancellationToken);

    [Function(nameof(GetCurrentAgent))]
    public Task<IResult> GetCurrentAgent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        getCurrentAgent.HandleAsync(request, cancellationToken);

    [Function(nameof(CreateApiKey))]
    public Task<IResult> CreateApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api-keys")] HttpRequest request,
        CancellationToken cancellationToken) =>
        createApiKey.HandleAsync(request, cancellationToken);

    [Function(nameof(RevokeApiKey))]
    public Task<IResult> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api-keys/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        revokeApiKey.HandleAsync(request, id, cancellationToken);
}
