using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// API keys look like <c>sbk_{id}_{secret}</c>: the id (16 hex digits) finds the stored row, the secret (32 random
/// bytes, base64url) is compared by its SHA-256. A fast hash is enough for 256 random bits; it is not a password.
/// </summary>
public static partial class ApiKeys
{
    public static (string Id, string Secret, string Key) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (id, secret, $"sbk_{id}_{secret}");
    }

    public static (string Id, string Secret)? Parse(string key) =>
        key.Split('_', 3) is ["sbk", var id, var secret] && IsId(id) && secret.Length > 0 ? (id, secret) : null;

    public static bool IsId(string id) => IdPattern().IsMatch(id);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex IdPattern();
}
