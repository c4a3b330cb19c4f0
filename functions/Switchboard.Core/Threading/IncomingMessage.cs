using Switchboard.Core.Inbound;

namespace Switchboard.Core.Threading;

/// <summary>A parsed message with what the receiving side knows about it.</summary>
/// <param name="Mailbox">The mailbox it was delivered to (e.g. support@acme.test).</param>
/// <param name="ReplyTokens">Tokens of plus-addressed recipients (support+token@…), from the envelope, To and Cc.</param>
/// <param name="SentByUs">Its Message-ID is one we generate: our own mail come back.</param>
public sealed record IncomingMessage(ParsedEmail Email, string Mailbox, IReadOnlyList<string> ReplyTokens, bool SentByUs)
{
    public string? Sender => Email.From?.Address;

    public bool IsAutomatic => SentByUs || (Email.Flags & (MailFlags.AutoReply | MailFlags.Bounce)) != 0;

    /// <summary>In-Reply-To first, then References from the newest back, without repeats.</summary>
    public IEnumerable<string> ParentIds()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (Email.InReplyTo is { Length: > 0 } inReplyTo && seen.Add(inReplyTo))
        {
            yield return inReplyTo;
        }
        for (var i = Email.References.Count - 1; i >= 0; i--)
        {
            if (seen.Add(Email.References[i]))
            {
                yield return Email.References[i];
            }
        }
    }
}
