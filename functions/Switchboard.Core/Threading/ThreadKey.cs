using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Core.Threading;

/// <summary>What a thread key was learnt from; decides what a later message that finds it may do.</summary>
public enum ThreadKeyKind
{
    /// <summary>A Message-ID we have stored, sent, or seen referenced by a stored message.</summary>
    MessageId,
    /// <summary>The secret token of a conversation's reply address (<c>support+token@…</c>).</summary>
    ReplyToken,
    /// <summary>The root of an Outlook <c>Thread-Index</c>.</summary>
    ThreadIndex,
    /// <summary>Mailbox + sender + normalised subject: the last-resort fallback, never across senders.</summary>
    Subject,
    /// <summary>One sender's replies to one message we sent to many people separately.</summary>
    BroadcastReply,
    /// <summary>One sender's automatic mail on one day in one mailbox: at most one conversation.</summary>
    AutomaticMail,
}

/// <summary>The role of the Message-ID behind a <see cref="ThreadKeyKind.MessageId"/> key.</summary>
public enum ThreadKeyRole
{
    /// <summary>A message stored in the conversation.</summary>
    Stored,
    /// <summary>Named in References/In-Reply-To of a stored message but not (yet) seen itself: an out-of-order parent.</summary>
    Referenced,
    /// <summary>Sent by us to many recipients separately (status notices, surveys, digests): replies never merge senders.</summary>
    Broadcast,
    /// <summary>Sent by us to a teammate (notification or page): its bounce never creates a conversation.</summary>
    Notification,
}

/// <summary>A look-up key from an inbound message to a conversation. <see cref="Hash"/> keeps storage keys short and safe.</summary>
public sealed record ThreadKey(ThreadKeyKind Kind, string Value)
{
    public static ThreadKey ForMessageId(string messageId) => new(ThreadKeyKind.MessageId, messageId.Trim().Trim('<', '>'));

    public static ThreadKey ForReplyToken(string token) => new(ThreadKeyKind.ReplyToken, token.ToLowerInvariant());

    public static ThreadKey ForThreadIndex(string mailbox, string root) => new(ThreadKeyKind.ThreadIndex, $"{Lower(mailbox)}|{root}");

    public static ThreadKey ForSubject(string mailbox, string sender, string normalizedSubject) =>
        new(ThreadKeyKind.Subject, $"{Lower(mailbox)}|{Lower(sender)}|{normalizedSubject}");

    public static ThreadKey ForBroadcastReply(string broadcastMessageId, string sender) =>
        new(ThreadKeyKind.BroadcastReply, $"{broadcastMessageId.Trim('<', '>')}|{Lower(sender)}");

    public static ThreadKey ForAutomaticMail(string mailbox, string sender, DateOnly day) =>
        new(ThreadKeyKind.AutomaticMail, $"{Lower(mailbox)}|{Lower(sender)}|{day:yyyy-MM-dd}");

    /// <summary>32 hex characters of SHA-256 over the kind and value.</summary>
    public string Hash => Hex($"{Kind}|{Value}", 32);

    internal static string Hex(string value, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..length];

    private static string Lower(string s) => s.Trim().ToLowerInvariant();
}

/// <summary>Where a thread key leads.</summary>
/// <param name="PreviousConversationId">
/// For a stored message's own key: the conversation the key led to before the message took it (a reply that arrived
/// first and started its own), so the two are merged even if the first attempt to merge them did not finish.
/// </param>
public sealed record ThreadKeyTarget(string ConversationId, ThreadKeyRole Role, DateTimeOffset UpdatedAt, string? PreviousConversationId = null);
