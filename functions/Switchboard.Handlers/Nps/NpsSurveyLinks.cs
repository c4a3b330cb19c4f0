using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Core.Nps;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Security;

namespace Switchboard.Handlers.Nps;

/// <summary>What a survey link names: the survey and the score clicked.</summary>
public sealed record NpsAnswer(string SurveyId, int Score);

/// <summary>
/// The eleven links of a survey email: <c>/api/public/nps/{surveyId}-{score}.{HMAC}</c>, a <see cref="SignedToken"/>
/// (purpose "nps survey") keyed by <c>Auth:SigningKey</c>, so a changed survey or score is refused (400). They do not
/// expire. Absolute when <c>Auth:PublicUrl</c> is set.
/// </summary>
public sealed partial class NpsSurveyLinks(IOptions<AuthOptions> options)
{
    private readonly SignedToken signer = new(options.Value.DecodedSigningKey()!, "nps survey");
    private readonly string baseUrl = options.Value.PublicUrl?.TrimEnd('/') ?? "";

    /// <summary>The survey of one close of a conversation: the same id however often its message is delivered.</summary>
    public static string SurveyId(string conversationId, DateTimeOffset closedAt) =>
        "s" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}|{closedAt.UtcTicks}")))[..24];

    public string Url(string surveyId, int score) =>
        $"{baseUrl}/api/public/nps/{signer.Sign(surveyId + "-" + score.ToString(CultureInfo.InvariantCulture))}";

    public NpsAnswer? Verify(string? token) =>
        signer.Verify(token) is { } payload && PayloadPattern().Match(payload) is { Success: true } match
            && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is var score && NetPromoterScore.IsScore(score)
            ? new NpsAnswer(match.Groups[1].Value, score)
            : null;

    [GeneratedRegex("^(s[0-9a-f]{24})-([0-9]{1,2})$")]
    private static partial Regex PayloadPattern();
}
