using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Switchboard.Core.Metrics;
using Switchboard.Handlers.Auth;

namespace Switchboard.Handlers.Ratings;

/// <summary>What a rating link names: a reply of a conversation and the rating clicked.</summary>
public sealed record RatingToken(string ConversationId, string MessageRowKey, string Rating);

/// <summary>
/// The three links under a reply: <c>/api/public/ratings/{conversationId}{messageRowKey}{g|o|n}.{HMAC}</c>, signed with a
/// key derived from <c>Auth:SigningKey</c> (as <see cref="Escalation.PageLinks"/> are), so a changed id or rating is
/// refused. They do not expire: a customer may rate a reply weeks later. Absolute when <c>Auth:PublicUrl</c> is set.
/// </summary>
public sealed partial class RatingLinks(IOptions<AuthOptions> options)
{
    private readonly byte[] key = HMACSHA256.HashData(options.Value.DecodedSigningKey()!, "switchboard reply rating"u8);
    private readonly string baseUrl = options.Value.PublicUrl?.TrimEnd('/') ?? "";

    public string Url(string conversationId, string messageRowKey, string rating)
    {
        var payload = conversationId + messageRowKey + Letter(rating);
        return $"{baseUrl}/api/public/ratings/{payload}.{Signature(payload)}";
    }

    /// <summary>What the token names, or null when it is malformed or its signature does not match.</summary>
    public RatingToken? Verify(string? token)
    {
        if (token is null || TokenPattern().Match(token) is not { Success: true } match)
        {
            return null;
        }
        var payload = match.Groups[1].Value + match.Groups[2].Value + match.Groups[3].Value;
        var expected = Encoding.ASCII.GetBytes(Signature(payload));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(match.Groups[4].Value)))
        {
            return null;
        }
        var rating = match.Groups[3].Value switch { "g" => Core.Metrics.Ratings.Great, "o" => Core.Metrics.Ratings.Okay, _ => Core.Metrics.Ratings.NotGood };
        return new RatingToken(match.Groups[1].Value, match.Groups[2].Value, rating);
    }

    private static string Letter(string rating) => rating switch
    {
        Core.Metrics.Ratings.Great => "g",
        Core.Metrics.Ratings.Okay => "o",
        Core.Metrics.Ratings.NotGood => "n",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Not a rating."),
    };

    private string Signature(string payload) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));

    [GeneratedRegex("^(c[0-9a-f]{23})(m[0-9a-f]{23})([gon])\\.([A-Za-z0-9_-]{43})$")]
    private static partial Regex TokenPattern();
}
