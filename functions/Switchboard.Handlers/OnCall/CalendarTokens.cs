using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Storage.OnCall;

namespace Switchboard.Handlers.OnCall;

/// <summary>
/// Secret calendar feed tokens: 32 random bytes, base64url (43 characters). Only their SHA-256 is stored, so the table
/// alone cannot rebuild a feed URL; a token is looked up by that hash (a point read).
/// </summary>
public sealed class CalendarTokens(CalendarTokenStore store, TimeProvider time)
{
    public const string FeedPath = "/api/oncall/calendars/";

    /// <summary>The scheme, host and path base the request came to: calendar apps subscribe where the agent is.</summary>
    public static string FeedBase(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>Issues a new token for the schedule or agent (revoking its previous one) and returns the feed URL under <paramref name="feedBase"/>.</summary>
    public async Task<CalendarTokenIssued> IssueAsync(string feedBase, CalendarFeedKind kind, string subject, CancellationToken cancellationToken)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await store.IssueAsync(kind, subject, Hash(token), time.GetUtcNow(), cancellationToken);
        var url = $"{feedBase}{FeedPath}{token}.ics";
        return new CalendarTokenIssued(kind.ToWire(), subject, url);
    }

    /// <summary>The schedule or agent whose feed the token opens; null when it is malformed, unknown or revoked.</summary>
    public async Task<(CalendarFeedKind Kind, string Subject)?> ResolveAsync(string token, CancellationToken cancellationToken) =>
        token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? await store.FindAsync(Hash(token), cancellationToken)
            : null;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
