using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Handlers.Mail;
using Switchboard.Storage.Auth;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// Makes and emails single-use sign-in links: 32 random bytes as the token, only its SHA-256 stored. A sign-in link
/// lasts <see cref="SignInLifetime"/>; an invitation <see cref="InvitationLifetime"/>, since it waits for a new colleague.
/// </summary>
public sealed partial class SignInLinks(
    SignInLinkStore store, IMailSender mail, IOptions<AuthOptions> auth, IOptions<MailOptions> mailOptions, TimeProvider time)
{
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);

    /// <summary>
    /// Where links point: <c>Auth:PublicUrl</c>, or the request's own origin when that is a loopback host (a local
    /// host). Null otherwise: a Host header is chosen by the caller, and a link to their host would hand them the token.
    /// </summary>
    public string? BaseUrl(HttpRequest request) =>
        auth.Value.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
        : DevMailAccess.IsLoopbackHost(request.Host.Host) ? $"{request.Scheme}://{request.Host}"
        : null;

    public async Task SendSignInAsync(string baseUrl, AgentEntity agent, CancellationToken cancellationToken)
    {
        var url = await CreateAsync(baseUrl, agent, SignInLinkEntity.SignIn, SignInLifetime, cancellationToken);
        await mail.SendAsync(Email(agent, "Your Switchboard sign-in link", $"""
            Hello {agent.DisplayName},

            Follow this link to sign in to Switchboard:

            {url}

            It works once, within 15 minutes. If you did not ask to sign in, ignore this email: nobody can use it without your inbox.
            """), cancellationToken);
    }

    public async Task SendInvitationAsync(string baseUrl, AgentEntity agent, string invitedBy, CancellationToken cancellationToken)
    {
        var url = await CreateAsync(baseUrl, agent, SignInLinkEntity.Invitation, InvitationLifetime, cancellationToken);
        await mail.SendAsync(Email(agent, "You are invited to Switchboard", $"""
            Hello {agent.DisplayName},

            {invitedBy} invited you to answer customers with Switchboard, as {agent.Role}.

            Follow this link to sign in for the first time:

            {url}

            It works once, within 72 hours. Later, sign in with your email address at {baseUrl}/.
            """), cancellationToken);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsWellFormed(string token) => TokenPattern().IsMatch(token);

    private async Task<string> CreateAsync(string baseUrl, AgentEntity agent, string purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await store.AddAsync(new SignInLinkEntity
        {
            PartitionKey = SignInLinkEntity.PartitionOf(Hash(token)),
            AgentId = agent.Id,
            Purpose = purpose,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, cancellationToken);
        return $"{baseUrl}/api/auth/magic-links/{token}";
    }

    // Auto-Submitted keeps auto-responders from answering, and our own inbound loop rules from threading an echo.
    private OutgoingEmail Email(AgentEntity agent, string subject, string text) =>
        new($"Switchboard <{mailOptions.Value.Mailboxes[0]}>", [agent.Email], subject, text,
            Headers: new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" });

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenPattern();
}
