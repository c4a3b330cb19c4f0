using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Switchboard.Handlers.Security;

/// <summary>
/// The one signer of the product's public one-click links (rating links, NPS survey links, page acknowledgements):
/// <c>{payload}.{signature}</c>, the signature an HMAC-SHA256 in base64url with a key derived from the signing key
/// and a purpose, so a token made for one kind of link is refused by another. The payload travels as it is, so it
/// must already be URL-safe (ids, letters, digits, <c>-</c> and <c>_</c>). A changed payload or signature verifies as
/// null: the endpoints answer 400.
/// </summary>
public sealed class SignedToken(byte[] signingKey, string purpose)
{
    private const int MaxTokenLength = 512;

    private readonly byte[] key = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes("switchboard " + purpose));

    public string Sign(string payload)
    {
        if (payload.Length == 0 || !payload.All(IsUrlSafe))
        {
            throw new ArgumentException("A signed payload is URL-safe: letters, digits, '-' and '_'.", nameof(payload));
        }
        return $"{payload}.{WebEncoders.Base64UrlEncode(Mac(payload))}";
    }

    /// <summary>The payload the token carries, or null when it is malformed or its signature does not match.</summary>
    public string? Verify(string? token)
    {
        var dot = token?.LastIndexOf('.') ?? -1;
        if (token is null || dot <= 0 || token.Length > MaxTokenLength)
        {
            return null;
        }
        var payload = token[..dot];
        byte[] presented;
        try
        {
            presented = WebEncoders.Base64UrlDecode(token, dot + 1, token.Length - dot - 1);
        }
        catch (FormatException)
        {
            return null;
        }
        // Re-encoding must give back the presented text: base64url has spare bits, and a link is one exact string.
        var canonical = WebEncoders.Base64UrlEncode(presented) == token[(dot + 1)..];
        return canonical && CryptographicOperations.FixedTimeEquals(Mac(payload), presented) ? payload : null;
    }

    private byte[] Mac(string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));

    private static bool IsUrlSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
