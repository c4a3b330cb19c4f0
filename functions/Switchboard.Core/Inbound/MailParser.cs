using System.Security.Cryptography;
using MimeKit;

namespace Switchboard.Core.Inbound;

// Interim parser (replaced by the parsing branch).
public static class MailParser
{
    public static ParsedEmail Parse(byte[] rawMime)
    {
        var message = MimeMessage.Load(new MemoryStream(rawMime));
        var id = message.MessageId ?? $"sha256-{Convert.ToHexStringLower(SHA256.HashData(rawMime))[..32]}@switchboard.invalid";
        EmailAddress Map(MailboxAddress m) => new(m.Address, string.IsNullOrEmpty(m.Name) ? null : m.Name);
        var text = message.TextBody ?? "";
        var flags = message.Headers.Contains("Auto-Submitted") ? MailFlags.AutoReply : MailFlags.None;
        return new ParsedEmail(id, message.MessageId is null, message.InReplyTo, message.References.ToList(), null,
            message.From.Mailboxes.Select(Map).FirstOrDefault(), message.To.Mailboxes.Select(Map).ToList(), message.Cc.Mailboxes.Select(Map).ToList(),
            message.ReplyTo.Mailboxes.Select(Map).ToList(), message.Subject ?? "", message.Date == default ? null : message.Date,
            text, text, message.HtmlBody, [], flags, null, []);
    }
}
