using System.Security.Cryptography;
using System.Text;
using Switchboard.Core.Inbound;
using Switchboard.Handlers.Auth;

namespace Switchboard.Handlers.Replies;

/// <summary>
/// The Reply-To of a new-conversation notification: the mailbox plus-addressed with a token only that agent received
/// for that notification (<c>support+a7k…@acme.test</c>). The token is an HMAC of agent id and notification
/// Message-ID under a key derived from <c>Auth:SigningKey</c>, so it needs no storage and cannot be made up, and a
/// customer, who knows only the conversation's reply address, never sees one. Rotating the signing key turns
/// answers to older notifications into unverified notes.
/// </summary>
public sealed class NotificationReplyAddresses
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int TokenLength = 24; // 120 bits

    private readonly byte[] key;

    public NotificationReplyAddresses(IOptions<AuthOptions> options) =>
        key = HKDF.DeriveKey(HashAlgorithmName.SHA256, options.Value.DecodedSigningKey()!, 32,
            info: Encoding.ASCII.GetBytes("switchboard/notification-reply-address/v1"));

    /// <summary>The reply address of the notification <paramref name="notificationMessageId"/> sent to <paramref name="agentId"/>.</summary>
    public string For(string mailbox, string agentId, string notificationMessageId) =>
        Mailboxes.ReplyAddress(mailbox, Token(agentId, notificationMessageId));

    /// <summary>Whether one of the message's reply tokens is the one that notification gave that agent.</summary>
    public bool IsAmong(IEnumerable<string> replyTokens, string agentId, string notificationMessageId)
    {
        var expected = Encoding.ASCII.GetBytes(Token(agentId, notificationMessageId));
        return replyTokens.Any(token => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token.ToLowerInvariant()), expected));
    }

    private string Token(string agentId, string notificationMessageId)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{agentId}\n{notificationMessageId.Trim('<', '>').ToLowerInvariant()}"));
        var token = new StringBuilder(TokenLength);
        for (var i = 0; i < TokenLength; i++)
        {
            token.Append(Alphabet[mac[i] & 31]);
        }
        return token.ToString();
    }
}
