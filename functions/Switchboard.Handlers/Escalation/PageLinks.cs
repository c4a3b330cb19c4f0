using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Security;

namespace Switchboard.Handlers.Escalation;

/// <summary>
/// The links a page carries: <c>/api/oncall/acknowledge/{pageId}.{HMAC}</c> (a <see cref="SignedToken"/> with a key derived from
/// <c>Auth:SigningKey</c>, so a changed page id or signature is refused; single use is the page's acknowledgement row)
/// and the conversation in the app. Links are absolute when <c>Auth:PublicUrl</c> is set, else relative.
/// </summary>
public sealed partial class PageLinks(IOptions<AuthOptions> options)
{
    private readonly SignedToken signer = new(options.Value.DecodedSigningKey()!, "page acknowledgement");
    private readonly string baseUrl = options.Value.PublicUrl?.TrimEnd('/') ?? "";

    public static string NewPageId() => "p" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public string AcknowledgeUrl(string pageId) => $"{baseUrl}/api/oncall/acknowledge/{signer.Sign(pageId)}";

    /// <summary>Where a page call's keypress is posted (<c>&lt;Gather action&gt;</c>); the same signed token as the acknowledge link.</summary>
    public string VoiceActionUrl(string pageId) => $"{baseUrl}/api/twilio/voice/{signer.Sign(pageId)}";

    public string ConversationUrl(string conversationId) => $"{baseUrl}/conversations/{conversationId}";

    /// <summary>The page id a token names, or null when the token is malformed or its signature does not match.</summary>
    public string? Verify(string? token) =>
        signer.Verify(token) is { } pageId && PageIdPattern().IsMatch(pageId) ? pageId : null;

    [GeneratedRegex("^p[0-9a-f]{20}$")]
    private static partial Regex PageIdPattern();
}
