using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// The id of the page to one person about the claimed pages <paramref name="claims"/> (each its conversation, step
    /// and first-claimed time): the same every time those claims are sent, so a page taken over after a crash is the
    /// same page (same acknowledge link, Message-ID, log entry and texts). Not a secret: the links are signed.
    /// </summary>
    public static string PageIdFor(string agentRef, IEnumerable<(string ConversationId, int Step, DateTimeOffset FirstClaimedAt)> claims)
    {
        var parts = claims.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.ConversationId}/{c.Step}/{c.FirstClaimedAt.UtcTicks}")).Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Prepend(agentRef.ToLowerInvariant()))));
        return "p" + Convert.ToHexStringLower(hash)[..20];
    }

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
