using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Switchboard.Handlers.Auth;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// The links a page carries: <c>/api/oncall/acknowledge/{pageId}.{HMAC}</c> (signed with a key derived from
/// <c>Auth:SigningKey</c>, so a changed page id or signature is refused; single use is the page's acknowledgement row)
/// and the conversation in the app. Links are absolute when <c>Auth:PublicUrl</c> is set, else relative.
/// </summary>
public sealed partial class PageLinks(IOptions<AuthOptions> options)
{
    private readonly byte[] key = HMACSHA256.HashData(options.Value.DecodedSigningKey()!, "switchboard page acknowledgement"u8);
    private readonly string baseUrl = options.Value.PublicUrl?.TrimEnd('/') ?? "";

    public static string NewPageId() => "p" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public string AcknowledgeUrl(string pageId) => $"{baseUrl}/api/oncall/acknowledge/{pageId}.{Signature(pageId)}";

    /// <summary>Where a page call's keypress is posted (<c>&lt;Gather action&gt;</c>); the same signed token as the acknowledge link.</summary>
    public string VoiceActionUrl(string pageId) => $"{baseUrl}/api/twilio/voice/{pageId}.{Signature(pageId)}";

    public string ConversationUrl(string conversationId) => $"{baseUrl}/conversations/{conversationId}";

    /// <summary>The page id a token names, or null when the token is malformed or its signature does not match.</summary>
    public string? Verify(string? token)
    {
        if (token is null || TokenPattern().Match(token) is not { Success: true } match)
        {
            return null;
        }
        var pageId = match.Groups[1].Value;
        var expected = Encoding.ASCII.GetBytes(Signature(pageId));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(match.Groups[2].Value)) ? pageId : null;
    }

    private string Signature(string pageId) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(pageId)));

    [GeneratedRegex("^(p[0-9a-f]{20})\\.([A-Za-z0-9_-]{43})$")]
    private static partial Regex TokenPattern();
}
