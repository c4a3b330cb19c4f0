using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Core.Team;
using Switchboard.Storage.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// Who is calling an agent endpoint. Every agent handler asks first and answers the rejection (401, or 403) as it is.
/// <list type="bullet">
/// <item><c>Authorization: Bearer</c> with the bootstrap key (an admin) or an API key (one point read). A request
/// that sends an Authorization header is judged by it alone, never by a cookie it also carries.</item>
/// <item>The session cookie: its signature, then its <c>Sessions</c> row and the agent (two point reads), so sign-out
/// and disabling take effect at once. Cookies travel by themselves, so a state-changing request must also carry
/// <see cref="SessionCookies.CsrfHeader"/>, which another site cannot set.</item>
/// </list>
/// </summary>
public sealed class AgentAuthenticator(
    IOptions<AuthOptions> options, SessionCookies cookies, SessionStore sessions, AgentStore agents, ApiKeyStore apiKeys, TimeProvider time)
{
    private readonly byte[] bootstrapKeyHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.BootstrapApiKey));

    public async Task<Authentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Headers.Authorization.FirstOrDefault() is { Length: > 0 } authorization)
        {
            var agent = await BearerAsync(authorization, cancellationToken);
            return agent is null
                ? new(null, Problems.Unauthorized("The API key is not valid (revoked, mistyped, or not a Bearer key)."))
                : new(agent, null);
        }

        var claim = cookies.Read(request, time.GetUtcNow());
        if (claim is not var (agentId, sessionId, expires))
        {
            return new(null, Problems.Unauthorized("Sign in, or send an API key as Authorization: Bearer <key>."));
        }
        var session = await sessions.GetAsync(agentId, sessionId, cancellationToken);
        var member = session is null ? null : await agents.GetAsync(agentId, cancellationToken);
        if (session is null || session.ExpiresAt <= time.GetUtcNow() || member is not { Status: AgentStatuses.Active })
        {
            return new(null, Problems.Unauthorized("Your session has ended. Sign in again."));
        }
        if (!IsSafe(request.Method) && !cookies.HasValidCsrfHeader(request, sessionId))
        {
            return new(null, Problems.Forbidden(
                $"A signed-in browser must send the {SessionCookies.CsrfHeader} header (csrfToken of GET /api/auth/me) with every change."));
        }
        return new(new Agent(member.Id, member.Role, member.Email, member.DisplayName, Agent.ViaSession, sessionId, expires), null);
    }

    private async Task<Agent?> BearerAsync(string authorization, CancellationToken cancellationToken)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { Length: > 0 } key)
        {
            return null;
        }
        if (CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), bootstrapKeyHash))
        {
            return new Agent("bootstrap", AgentRoles.Admin, options.Value.FirstAdminEmail, "Bootstrap key", Agent.ViaBootstrapKey);
        }
        if (ApiKeys.Parse(key) is not var (id, secret))
        {
            return null;
        }
        var stored = await apiKeys.GetAsync(id, cancellationToken);
        return stored is not null && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(stored.SecretHash), ApiKeys.Hash(secret))
            ? new Agent("key-" + id, stored.Role, null, stored.Name, Agent.ViaApiKey)
            : null;
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
