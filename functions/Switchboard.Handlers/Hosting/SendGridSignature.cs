using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Handlers.Hosting;

/// <summary>
/// SendGrid's webhook signature (signed Inbound Parse and the Signed Event Webhook): ECDSA P-256 with SHA-256 over
/// the timestamp header followed by the raw body, DER-encoded and base64 in the signature header.
/// </summary>
public static class SendGridSignature
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>
    /// 401 unless the request is signed with the key. With <paramref name="now"/> and <paramref name="maxAge"/>, also
    /// 401 when the signed timestamp (Unix seconds) is further from now than that, so a captured post cannot be replayed.
    /// </summary>
    public static IResult? RejectUnlessSigned(HttpRequest request, byte[] body, string publicKeyBase64, DateTimeOffset? now = null, TimeSpan? maxAge = null)
    {
        var signature = request.Headers[SignatureHeader].FirstOrDefault();
        var timestamp = request.Headers[TimestampHeader].FirstOrDefault();
        if (signature is null || timestamp is null)
        {
            return Problems.Unauthorized($"Signed webhooks need the {SignatureHeader} and {TimestampHeader} headers.");
        }
        if (!Verify(publicKeyBase64, timestamp, body, signature))
        {
            return Problems.Unauthorized("The webhook signature does not verify with the configured SendGrid verification key.");
        }
        if (now is { } current && maxAge is { } age)
        {
            if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                || (DateTimeOffset.FromUnixTimeSeconds(seconds) - current).Duration() > age)
            {
                return Problems.Unauthorized($"The signed timestamp is more than {age} away from now; the post is refused as a possible replay.");
            }
        }
        return null;
    }

    public static bool Verify(string publicKeyBase64, string timestamp, byte[] body, string signatureBase64)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKeyBase64), out _);
            var payload = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
            return key.VerifyData(payload, Convert.FromBase64String(signatureBase64), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
