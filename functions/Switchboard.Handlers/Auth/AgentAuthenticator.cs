using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Switchboard.Handlers.Auth;

/// <summary>Who is calling an agent endpoint. Every agent handler asks first and answers 401 to anonymous callers.</summary>
public sealed class AgentAuthenticator(IOptions<AuthOptions> options)
{
    private readonly byte[] bootstrapKeyHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.BootstrapApiKey));

    public Agent? Authenticate(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.FirstOrDefault(), out var header)
            || !header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { Length: > 0 } key)
        {
            return null;
        }
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), bootstrapKeyHash)
            ? Agent.BootstrapAdmin
            : null;
    }
}

public sealed record Agent(string Id, string Role)
{
    public static readonly Agent BootstrapAdmin = new("bootstrap", "admin");

    public bool IsAdmin => Role == "admin";
}
