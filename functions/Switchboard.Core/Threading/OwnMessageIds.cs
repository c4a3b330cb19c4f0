using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Core.Threading;

/// <summary>
/// The Message-IDs we put on mail we send: <c>sb.{purpose}.{random}@{domain}</c>. Recognising them on inbound mail
/// catches our own mail coming back (loops) and bounces of what we sent.
/// </summary>
public sealed class OwnMessageIds(string domain)
{
    public string Domain { get; } = domain.Trim().ToLowerInvariant();

    public string Create(string purpose) =>
        $"sb.{purpose}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}@{Domain}";

    /// <summary>
    /// The same id for the same purpose and parts, every time: a redelivered queue message finds the id of the mail it
    /// already sent (see NewConversationNotifier) instead of sending it again.
    /// </summary>
    public string Derive(string purpose, params string[] parts) =>
        $"sb.{purpose}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..24]}@{Domain}";

    public bool IsOurs(string messageId)
    {
        var id = messageId.Trim().Trim('<', '>');
        return id.StartsWith("sb.", StringComparison.OrdinalIgnoreCase)
            && id.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);
    }
}
