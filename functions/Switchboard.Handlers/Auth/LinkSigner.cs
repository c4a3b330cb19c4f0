using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Switchboard.Handlers.Auth;

/// <summary>
/// Short-lived signed links for downloads (raw mail, attachments, inline images): a browser can follow them without
/// an Authorization header, and they stop working after <see cref="Lifetime"/>.
/// </summary>
public sealed class LinkSigner(IOptions<AuthOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    // Validated at start-up (AuthOptions.Validate).
    private readonly byte[] key = options.Value.DecodedSigningKey()!;

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
}
