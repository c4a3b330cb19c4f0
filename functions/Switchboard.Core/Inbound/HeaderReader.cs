using System.Text.RegularExpressions;
using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>
/// The envelope-ish headers of a message, read tolerantly: ids without angle brackets, addresses from groups
/// flattened, and a note in problems for each header that is missing or could not be read.
/// </summary>
internal sealed partial class HeaderReader
{
    // References beyond this are trimmed to the root plus the most recent ids (a Table property holds 64 KiB).
    private const int MaxReferences = 100;
    private const int LongHeader = 16 * 1024;
    private const int OutlookRootLength = 22;

    public HeaderReader(MimeMessage message, ICollection<string> problems)
    {
        MessageId = MessageIdOf(message.MessageId, message.Headers[HeaderId.MessageId]);
        if (MessageId is null)
            problems.Add("no usable Message-ID header; an id was made from the message's bytes");
        InReplyTo = Id(message.InReplyTo, message.Headers[HeaderId.InReplyTo]);
        References = ReferencesOf(message, problems);
        (ThreadIndex, ThreadIndexRoot) = ThreadIndexOf(message.Headers["Thread-Index"], problems);
        From = FromOf(message, problems);
        To = Mailboxes(message.To);
        Cc = Mailboxes(message.Cc);
        ReplyTo = Mailboxes(message.ReplyTo);
        Date = DateOf(message, problems);
        foreach (var header in message.Headers.Where(h => h.RawValue.Length > LongHeader))
            problems.Add($"header '{header.Field}' is unusually long ({header.RawValue.Length:N0} bytes)");
        AnyUsable = From is not null || MessageId is not null || Date is not null || !string.IsNullOrWhiteSpace(message.Subject);
    }

    public string? MessageId { get; }
    public string? InReplyTo { get; }
    public IReadOnlyList<string> References { get; }
    public string? ThreadIndex { get; }
    public string? ThreadIndexRoot { get; }
    public EmailAddress? From { get; }
    public IReadOnlyList<EmailAddress> To { get; }
    public IReadOnlyList<EmailAddress> Cc { get; }
    public IReadOnlyList<EmailAddress> ReplyTo { get; }
    public DateTimeOffset? Date { get; }
    public bool AnyUsable { get; }

    private static string? Id(string? parsed, string? raw)
    {
        var id = string.IsNullOrWhiteSpace(parsed) ? raw : parsed;
        id = id?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }

    /// <summary>
    /// A Message-ID is <c>&lt;left@right&gt;</c> (RFC 5322 §3.6.4). Mailers in the wild drop the brackets or the domain,
    /// not both: a value with neither, or with spaces inside, is damage. Taken as an id, it would make different
    /// messages with the same damage look like one message delivered again, and all but the first would be dropped.
    /// </summary>
    private static string? MessageIdOf(string? parsed, string? raw)
    {
        var id = Id(parsed, raw);
        var bracketed = raw?.Trim() is { Length: > 1 } value && value[0] == '<' && value[^1] == '>';
        return id is null || id.Any(char.IsWhiteSpace) || (!id.Contains('@') && !bracketed) ? null : id;
    }

    private static IReadOnlyList<string> ReferencesOf(MimeMessage message, ICollection<string> problems)
    {
        var ids = message.References.Select(r => r.Trim('<', '>')).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count <= MaxReferences)
            return ids;
        problems.Add($"References has {ids.Count} ids; kept the first and the last {MaxReferences - 1}");
        return [ids[0], .. ids.Skip(ids.Count - (MaxReferences - 1))];
    }

    /// <summary>The whole index (for our reply to continue) when well-formed, and its root (for threading).</summary>
    private static (string? Whole, string? Root) ThreadIndexOf(string? value, ICollection<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
            return (null, null);
        try
        {
            var bytes = Convert.FromBase64String(value.Trim());
            if (bytes.Length >= OutlookRootLength)
                return (Switchboard.Core.Replies.ThreadIndex.IsValid(bytes) ? Convert.ToBase64String(bytes) : null, Convert.ToBase64String(bytes, 0, OutlookRootLength));
        }
        catch (FormatException)
        {
        }
        problems.Add("Thread-Index is not an Outlook conversation index");
        return (null, null);
    }

    private static EmailAddress? FromOf(MimeMessage message, ICollection<string> problems)
    {
        if (message.From.Mailboxes.FirstOrDefault() is { } mailbox && !string.IsNullOrWhiteSpace(mailbox.Address))
            return ToAddress(mailbox);

        var raw = message.Headers[HeaderId.From];
        if (raw is null)
        {
            problems.Add("no From header");
            return null;
        }
        var address = AddressLike().Match(raw);
        problems.Add(address.Success ? $"From header '{raw.Trim()}' is malformed; used '{address.Value}'" : $"From header '{raw.Trim()}' has no address");
        return address.Success ? new EmailAddress(address.Value, null) : null;
    }

    private static DateTimeOffset? DateOf(MimeMessage message, ICollection<string> problems)
    {
        var raw = message.Headers[HeaderId.Date];
        if (raw is null)
        {
            problems.Add("no Date header");
            return null;
        }
        if (message.Date != DateTimeOffset.MinValue)
            return message.Date;
        problems.Add($"Date header '{raw.Trim()}' could not be read");
        return null;
    }

    private static List<EmailAddress> Mailboxes(InternetAddressList list) =>
        list.Mailboxes.Where(m => !string.IsNullOrWhiteSpace(m.Address)).Select(ToAddress).ToList();

    // Outlook writes "support@acme.test" <support@acme.test>: a name that only repeats the address is no name.
    private static EmailAddress ToAddress(MailboxAddress mailbox) =>
        new(mailbox.Address, string.IsNullOrWhiteSpace(mailbox.Name) || mailbox.Name.Trim().Equals(mailbox.Address, StringComparison.OrdinalIgnoreCase)
            ? null : mailbox.Name.Trim());

    [GeneratedRegex(@"[^\s<>""(),;:@]+@[^\s<>""(),;:@]+")]
    private static partial Regex AddressLike();
}
