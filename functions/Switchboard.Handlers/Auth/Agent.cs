using Switchboard.Core.Team;

namespace Switchboard.Handlers.Auth;

/// <summary>The caller of an agent endpoint, however they proved it (<see cref="Via"/>).</summary>
public sealed record Agent(string Id, string Role, string? Email, string? Name, string Via, string? SessionId = null, DateTimeOffset? SessionExpiresAt = null)
{
    public const string ViaBootstrapKey = "bootstrap-key";
    public const string ViaApiKey = "api-key";
    public const string ViaSession = "session";

    public bool IsAdmin => Role == AgentRoles.Admin;
}

/// <summary>Either an agent or the problem to answer (401, or 403 for a missing anti-forgery header or role).</summary>
public sealed record Authentication(Agent? Agent, Microsoft.AspNetCore.Http.IResult? Rejection);
