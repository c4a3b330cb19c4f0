using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Core.Nps;

/// <summary>
/// A value carried in a public link with an HMAC-SHA256 signature: <c>{value}.{signature}</c>, both base64url. The
/// key is derived from the signing key and a purpose, so a token made for one link type is refused by another. A
/// changed value or signature verifies as null (the endpoint answers 400).
/// </summary>
public sealed class SignedToken(byte[] signingKey, string purpose)
{
    private readonly byte[] key = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes("switchboard " + purpose));

    public string Sign(string value)
    {
        var encoded = Base64Url(Encoding.UTF8.GetBytes(value));
        return $"{encoded}.{Signature(encoded)}";
    }

    public string? Verify(string? token)
    {
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot <= 0 || token.Length > 1024)
        {
            return null;
        }
        var encoded = token[..dot];
        var expected = Encoding.ASCII.GetBytes(Signature(encoded));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token[(dot + 1)..])))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(Pad(encoded.Replace('-', '+').Replace('_', '/'))));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Signature(string encoded) => Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(encoded)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}
