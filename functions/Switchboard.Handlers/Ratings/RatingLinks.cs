using System.Text.RegularExpressions;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Security;

namespace Switchboard.Handlers.Ratings;

/// <summary>What a rating link names: a reply of a conversation and the rating clicked.</summary>
public sealed record RatingToken(string ConversationId, string MessageRowKey, string Rating);

/// <summary>
/// The three links under a reply: <c>/api/public/ratings/{conversationId}{messageRowKey}{g|o|n}.{HMAC}</c>, signed with a
/// key derived from <c>Auth:SigningKey</c> (<see cref="SignedToken"/>, purpose "reply rating"), so a changed id or rating is
/// refused. They do not expire: a customer may rate a reply weeks later. Absolute when <c>Auth:PublicUrl</c> is set.
/// </summary>
public sealed partial class RatingLinks(IOptions<AuthOptions> options)
{
    private readonly SignedToken signer = new(options.Value.DecodedSigningKey()!, "reply rating");
    private readonly string baseUrl = options.Value.PublicUrl?.TrimEnd('/') ?? "";

    public string Url(string conversationId, string messageRowKey, string rating) =>
        $"{baseUrl}/api/public/ratings/{signer.Sign(conversationId + messageRowKey + Letter(rating))}";

    /// <summary>What the token names, or null when it is malformed or its signature does not match.</summary>
    public RatingToken? Verify(string? token)
    {
        if (signer.Verify(token) is not { } payload || TokenPattern().Match(payload) is not { Success: true } match)
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

    [GeneratedRegex("^(c[0-9a-f]{23})(m[0-9a-f]{23})([gon])$")]
    private static partial Regex TokenPattern();
}
