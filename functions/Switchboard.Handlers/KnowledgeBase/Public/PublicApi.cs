using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Handlers.Auth;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase.Public;

/// <summary>A per-client allowance of one public endpoint: <see cref="Limit"/> requests per <see cref="Window"/>.</summary>
public sealed record PublicLimit(string Name, int Limit, TimeSpan Window);

/// <summary>Public form bodies carry the honeypot field <c>website</c>: people never see it, bots fill it in.</summary>
public interface IHoneypotBody
{
    string? Website { get; }
}

/// <summary>What every public post answers when it is accepted (and when a bot's post is dropped: the same words).</summary>
public sealed record PublicAccepted(string Message);

/// <summary>
/// The steps every anonymous endpoint of the public site takes before its own logic: a per-client rate limit (429 with
/// Retry-After; the caller as <see cref="ClientAddress"/> sees it, stored only as a hash), the body (400/413/415
/// problem bodies), and the honeypot — a filled one is answered exactly like a real post and then dropped, so a bot
/// learns nothing. No public endpoint reads or answers agent data.
/// </summary>
public sealed class PublicApi(KbFeedbackStore store, IOptions<AuthOptions> auth, TimeProvider time)
{
    public async Task<IResult> RunAsync<TBody>(
        HttpRequest request, PublicLimit limit, string acceptedMessage, Func<TBody, Task<IResult?>> handle, CancellationToken cancellationToken,
        long maxBodyBytes = 16 * 1024)
        where TBody : class, IHoneypotBody
    {
        if (await LimitAsync(request, limit, cancellationToken) is { } tooMany)
        {
            return tooMany;
        }
        var (body, invalid) = await JsonBody.ReadAsync<TBody>(request, cancellationToken, maxBytes: maxBodyBytes);
        if (body is null)
        {
            return invalid!;
        }
        return body.Website is { Length: > 0 } ? Accepted(acceptedMessage) : await handle(body) ?? Accepted(acceptedMessage);
    }

    /// <summary>The 429 to answer when the caller used up <paramref name="limit"/>; null when this request counted.</summary>
    public async Task<IResult?> LimitAsync(HttpRequest request, PublicLimit limit, CancellationToken cancellationToken)
    {
        var caller = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientAddress.Of(request, auth.Value.ClientAddressHeader))));
        var now = time.GetUtcNow();
        if (await store.TryCountRequestAsync(limit.Name, caller, now, limit.Window, limit.Limit, cancellationToken) is not { } retryAt)
        {
            return null;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAt - now).TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.TooManyRequests($"Too many requests from your network; try again in {seconds / 60 + 1} minutes.");
    }

    public static IResult Accepted(string message) => Results.Json(new PublicAccepted(message), statusCode: StatusCodes.Status202Accepted);
}
