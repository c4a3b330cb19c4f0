using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Team;
using Switchboard.Storage.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// <c>POST /api/auth/magic-links</c> {email}: emails a sign-in link to an invited or active agent. The answer is 202
/// whether or not the address belongs to one, and the limits count every address alike, so neither tells a stranger
/// who is on the team. Limits are per caller (<see cref="ClientAddress"/>): <see cref="Limit"/> requests per address
/// and <see cref="ClientLimit"/> in all per <see cref="Window"/>. A stranger hammering an agent's address uses up only
/// their own allowance; the agent, calling from elsewhere, still gets a link.
/// </summary>
public sealed class RequestMagicLink(
    AgentStore agents, SignInLinks links, SignInLinkStore store, IOptions<AuthOptions> options, TimeProvider time, ILogger<RequestMagicLink> logger)
{
    public const int Limit = 5;
    public const int ClientLimit = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (body, rejection) = await JsonBody.ReadAsync<MagicLinkRequest>(request, cancellationToken);
        if (body is null)
        {
            return rejection!;
        }
        if (body.Email is not { Length: > 0 and <= 254 } raw || !MailAddress.TryCreate(raw.Trim(), out var address) || address.Address != raw.Trim())
        {
            return Problems.BadRequest("email must be an email address, such as ada@example.com.", "email");
        }
        if (links.BaseUrl(request) is not { } baseUrl)
        {
            logger.LogError("A sign-in link was requested, but Auth:PublicUrl is not set and the host is not a loopback address.");
            return Problems.Unavailable("Sign-in links are not configured on this server (Auth:PublicUrl).");
        }

        var email = AgentStore.Normalize(address.Address);
        var client = ClientAddress.Of(request, options.Value.ClientAddressHeader);
        if (await store.TryCountRequestAsync(Hash($"{client}|{email}"), time.GetUtcNow(), Window, Limit, cancellationToken) is { } retryAt)
        {
            return TooMany(request, retryAt, $"At most {Limit} sign-in links per address every {Window.TotalMinutes} minutes");
        }
        if (await store.TryCountRequestAsync(Hash($"client|{client}"), time.GetUtcNow(), Window, ClientLimit, cancellationToken) is { } clientRetryAt)
        {
            return TooMany(request, clientRetryAt, $"At most {ClientLimit} sign-in links from one network every {Window.TotalMinutes} minutes");
        }

        var agent = await agents.FindByEmailAsync(email, cancellationToken);
        if (agent is { Status: AgentStatuses.Active or AgentStatuses.Invited })
        {
            await links.SendSignInAsync(baseUrl, agent, cancellationToken);
        }
        return Results.Accepted(value: new MagicLinkRequested(
            "If this address belongs to an agent, a sign-in link is on its way. It works once, within 15 minutes."));
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private IResult TooMany(HttpRequest request, DateTimeOffset retryAt, string limit)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAt - time.GetUtcNow()).TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.TooManyRequests($"{limit}. Try again in {seconds / 60 + 1} minutes.");
    }
}

public sealed record MagicLinkRequest(string? Email);

public sealed record MagicLinkRequested(string Message);
