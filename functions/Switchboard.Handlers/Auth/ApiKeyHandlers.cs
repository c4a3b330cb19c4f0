using Switchboard.Core.Team;
using Switchboard.Storage.Auth;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// <c>POST /api/api-keys</c> {name, role?}: a key for a script or integration, acting with the role given (default
/// agent). The key is in this answer only; the server keeps its hash. Admins only.
/// </summary>
public sealed class CreateApiKey(ApiKeyStore keys, TimeProvider time)
{
    public async Task<IResult> HandleAsync(Agent admin, ApiKeyRequest body, CancellationToken cancellationToken = default)
    {
        if (body.Name?.Trim() is not { Length: > 0 and <= 100 } name)
        {
            return Problems.BadRequest("name must say what the key is for, in 1 to 100 characters.", "name");
        }
        var role = body.Role ?? AgentRoles.Agent;
        if (!AgentRoles.IsKnown(role))
        {
            return Problems.BadRequest($"role must be one of {string.Join(", ", AgentRoles.All)}.", "role");
        }
        var (id, secret, key) = ApiKeys.Create();
        var now = time.GetUtcNow();
        await keys.AddAsync(new ApiKeyEntity
        {
            PartitionKey = id,
            Name = name,
            Role = role,
            SecretHash = Convert.ToHexStringLower(ApiKeys.Hash(secret)),
            CreatedAt = now,
            CreatedBy = admin.Id,
        }, cancellationToken);
        return Results.Created($"/api/api-keys/{id}", new CreatedApiKey(id, name, role, key, now));
    }
}

/// <summary><c>DELETE /api/api-keys/{id}</c>: the key stops working at once. Admins only.</summary>
public sealed class RevokeApiKey(ApiKeyStore keys)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default) =>
        await keys.DeleteAsync(id, cancellationToken)
            ? Results.NoContent()
            : Problems.NotFound($"There is no API key '{id}'.");
}

public static class ApiKeyRoute
{
    /// <summary>A route's API key id: 404 unless it has the shape of one we issue.</summary>
    public static RouteId Id(string id) => RouteId.Of(id, "API key", ApiKeys.IsId);
}

public sealed record ApiKeyRequest(string? Name, string? Role);

public sealed record CreatedApiKey(string Id, string Name, string Role, string Key, DateTimeOffset CreatedAt);
