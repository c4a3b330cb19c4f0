using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Core.Status;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Security;

namespace Switchboard.Handlers.Status.Subscribers;

/// <summary>
/// The signed links of status subscriptions, each a <see cref="SignedToken"/> keyed by <c>Auth:SigningKey</c> with a
/// purpose of its own: confirm (<c>{subscriberId}-{expires unix seconds}</c>, valid <see cref="ConfirmLifetime"/>) and
/// unsubscribe (<c>{subscriberId}</c>, never expires: RFC 8058 one-click links must keep working in old mail). Absolute
/// when <c>Auth:PublicUrl</c> is set (mail clients need that for <c>List-Unsubscribe</c>). Also each webhook
/// subscriber's signing secret, derived from the key and the subscriber id, so it is stored nowhere.
/// </summary>
public sealed partial class SubscriberLinks(IOptions<AuthOptions> options, TimeProvider time)
{
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(7);

    private readonly byte[] signingKey = options.Value.DecodedSigningKey()!;
    private readonly SignedToken confirm = new(options.Value.DecodedSigningKey()!, "status subscription confirm");
    private readonly SignedToken unsubscribe = new(options.Value.DecodedSigningKey()!, "status unsubscribe");
    private readonly string baseUrl = options.Value.PublicUrl?.TrimEnd('/') ?? "";

    public string ConfirmToken(string subscriberId) =>
        confirm.Sign($"{subscriberId}-{(time.GetUtcNow() + ConfirmLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    public string ConfirmUrl(string subscriberId) => $"{baseUrl}/api/public/status/subscriptions/confirm/{ConfirmToken(subscriberId)}";

    /// <summary>The subscriber a confirm token names; null when tampered with or expired.</summary>
    public string? VerifyConfirm(string? token) =>
        confirm.Verify(token) is { } payload && ConfirmPattern().Match(payload) is { Success: true } match
            && long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) >= time.GetUtcNow().ToUnixTimeSeconds()
            ? match.Groups[1].Value
            : null;

    public string UnsubscribeToken(string subscriberId) => unsubscribe.Sign(subscriberId);

    public string UnsubscribeUrl(string subscriberId) => $"{baseUrl}/api/public/status/unsubscribe/{UnsubscribeToken(subscriberId)}";

    public string? VerifyUnsubscribe(string? token) =>
        unsubscribe.Verify(token) is { } id && StatusSubscriber.IsWellFormedId(id) ? id : null;

    /// <summary>The secret a webhook subscriber checks our signatures with; it changes only with <c>Auth:SigningKey</c>.</summary>
    public string WebhookSecret(string subscriberId)
    {
        var key = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes("switchboard status webhook secret"));
        return "whsec_" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subscriberId)));
    }

    [GeneratedRegex("^([ew][0-9a-f]{32})-([0-9]{1,12})$")]
    private static partial Regex ConfirmPattern();
}

/// <summary>
/// How a webhook body is signed: <c>X-Switchboard-Signature: sha256={hex HMAC-SHA256(secret, "{timestamp}.{body}")}</c>
/// with the Unix time in <c>X-Switchboard-Timestamp</c>; a receiver recomputes it and refuses a timestamp more than
/// five minutes old (replay).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Switchboard-Signature";
    public const string TimestampHeader = "X-Switchboard-Timestamp";
    public const string EventHeader = "X-Switchboard-Event";
    public const string DeliveryHeader = "X-Switchboard-Delivery";

    public static string Sign(string secret, long timestamp, byte[] body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."), .. body];
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
