using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Team;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// <c>POST /api/auth/magic-links</c> {email}: emails a sign-in link to an invited or active agent. The answer is 202
/// whether or not the address belongs to one, and the limit of <see cref="Limit"/> requests per address per
/// <see cref="Window"/> counts every address alike, so neither tells a stranger who is on the team.
/// </summary>
public sealed class RequestMagicLink(AgentStore agents, SignInLinks links, SignInLinkStore store, TimeProvider time, ILogger<RequestMagicLink> logger)
{
    public const int Limit = 5;
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
        var addressHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)));
        if (await store.TryCountRequestAsync(addressHash, time.GetUtcNow(), Window, Limit, cancellationToken) is { } retryAt)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((retryAt - time.GetUtcNow()).TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problems.TooManyRequests($"At most {Limit} sign-in links per address every {Window.TotalMinutes} minutes. Try again in {seconds / 60 + 1} minutes.");
        }

        var agent = await agents.FindByEmailAsync(email, cancellationToken);
        if (agent is { Status: AgentStatuses.Active or AgentStatuses.Invited })
        {
            await links.SendSignInAsync(baseUrl, agent, cancellationToken);
        }
        return Results.Accepted(value: new MagicLinkRequested(
            "If this address belongs to an agent, a sign-in link is on its way. It works once, within 15 minutes."));
    }
}

public sealed record MagicLinkRequest(string? Email);

public sealed record MagicLinkRequested(string Message);
