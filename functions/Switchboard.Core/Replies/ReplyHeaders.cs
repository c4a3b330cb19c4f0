using Switchboard.Core.Threading;

namespace Switchboard.Core.Replies;

/// <summary>The threading headers of a reply we send, so every mail client files it under the customer's thread.</summary>
public static class ReplyHeaders
{
    /// <summary>References kept: the thread's first message and the latest ones (RFC 5322 allows trimming the middle).</summary>
    public const int MaxReferences = 20;

    /// <summary><c>Re: {subject}</c>, never <c>Re: Re:</c> (the customer's own prefixes in any language are removed first).</summary>
    public static string Subject(string conversationSubject) => "Re: " + Subjects.WithoutPrefixes(conversationSubject);

    /// <summary>
    /// The References header from the thread's Message-IDs, oldest first: the first and the latest
    /// <see cref="MaxReferences"/> − 1, each in angle brackets.
    /// </summary>
    public static string? References(IReadOnlyList<string> threadOldestFirst)
    {
        var ids = threadOldestFirst.Select(Bare).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return null;
        }
        var kept = ids.Count <= MaxReferences ? ids : [ids[0], .. ids.Skip(ids.Count - (MaxReferences - 1))];
        return string.Join(' ', kept.Select(Angle));
    }

    public static string Angle(string messageId) => $"<{Bare(messageId)}>";

    private static string Bare(string messageId) => messageId.Trim().Trim('<', '>');
}

/// <summary>
/// The <c>outbound-email</c> queue message: which reply to deliver, and how many tries this is (retries re-enqueue
/// the message with the next number, hidden for the back-off delay).
/// </summary>
public sealed record OutboundEmailQueued(string ConversationId, string MessageId, int Attempt = 1);
