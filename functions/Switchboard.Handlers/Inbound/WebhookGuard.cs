using Switchboard.Handlers.Mail;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Handlers.Inbound;

/// <summary>
/// Checks what every inbound webhook must carry: the shared secret (query <c>key</c> or the HTTP Basic password,
/// compared in constant time), a body within <see cref="InboundOptions.MaxMessageBytes"/>, and, when a SendGrid
/// verification key is configured, a valid ECDSA signature.
/// </summary>
public sealed class WebhookGuard(IOptions<InboundOptions> options)
{
    private readonly byte[] expectedSecretHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.WebhookSecret));

    public long MaxBytes => options.Value.MaxMessageBytes;

    /// <summary>401 unless the request carries the webhook secret.</summary>
    public IResult? RejectUnlessAuthorized(HttpRequest request)
    {
        var provided = request.Query["key"].FirstOrDefault() ?? BasicPassword(request);
        if (provided is null)
        {
            return Problems.Unauthorized("Add the webhook secret as ?key=… or as the HTTP Basic password.");
        }
        var providedHash = SHA256.HashData(Encoding.UTF8.GetBytes(provided));
        return CryptographicOperations.FixedTimeEquals(providedHash, expectedSecretHash)
            ? null
            : Problems.Unauthorized("The webhook secret is wrong.");
    }

    /// <summary>
    /// Reads the whole body, or answers 413 when it is larger than allowed. Returns null body with the result to send.
    /// </summary>
    public async Task<(byte[]? Body, IResult? Rejection)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await RequestBody.ReadBoundedAsync(request, MaxBytes, cancellationToken) is { } body ? (body, null) : (null, TooLarge());

    /// <summary>401 when a verification key is configured and the signature over timestamp + body does not verify.</summary>
    public IResult? RejectUnlessSigned(HttpRequest request, byte[] body)
    {
        if (options.Value.SendGridVerificationKey is not { Length: > 0 } key)
        {
            return null;
        }
        return SendGridSignature.RejectUnlessSigned(request, body, key);
    }

    private IResult TooLarge() =>
        Problems.TooLarge($"Messages are limited to {MaxBytes / (1024 * 1024)} MB (setting Inbound:MaxMessageBytes).");

    private static string? BasicPassword(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.FirstOrDefault(), out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
