using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// Short-lived signed links for downloads (raw mail, attachments, inline images): a browser can follow them without
/// an Authorization header, and they stop working after <see cref="Lifetime"/>.
/// </summary>
public sealed class LinkSigner(IOptions<AuthOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly byte[] key = Key(options.Value.SigningKey);

    public string Sign(string path)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{path}?expires={expires}&sig={Signature(path, expires)}";
    }

    public bool IsValid(HttpRequest request)
    {
        var expires = request.Query["expires"].FirstOrDefault();
        var signature = request.Query["sig"].FirstOrDefault();
        if (expires is null || signature is null || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || DateTimeOffset.FromUnixTimeSeconds(unix) < time.GetUtcNow())
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Signature(request.PathBase + request.Path, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Signature(string path, string expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{path}\n{expires}")));

    /// <summary>The bytes of <c>Auth:SigningKey</c>; other keys are derived from them (HKDF), never reused as they are.</summary>
    internal static byte[] Key(string base64)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length >= 32 ? bytes : throw new InvalidOperationException("Auth:SigningKey must decode to at least 32 bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:SigningKey must be base64 (e.g. `openssl rand -base64 32`).");
        }
    }
}
