using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Switchboard.Core.Inbound.Replies;

namespace Switchboard.Core.Inbound;

/// <summary>
/// Reads raw inbound MIME into a <see cref="ParsedEmail"/>. Never throws: a message that cannot be read at all
/// comes back flagged <see cref="MailFlags.Unparsed"/> with its bytes as text, so it still reaches the inbox.
/// </summary>
public static class MailParser
{
    public static ParsedEmail Parse(byte[] rawMime)
    {
        rawMime ??= [];
        try
        {
            return rawMime.Length == 0 ? Unparsed(rawMime, "the message is empty") : ParseMessage(rawMime);
        }
        catch (Exception ex)
        {
            return Unparsed(rawMime, $"the message could not be read as MIME ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static ParsedEmail ParseMessage(byte[] raw)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(raw, writable: false));
        }
        catch (FormatException ex)
        {
            return Unparsed(raw, $"the message has no readable headers ({ex.Message})");
        }

        var problems = new List<string>();
        var headers = new HeaderReader(message, problems);
        var body = MimeBodyReader.Read(message.Body, problems);
        MimeStructureCheck.NoteUnterminatedMultiparts(message.Body, raw, problems);

        var subject = message.Subject ?? "";
        var text = !string.IsNullOrWhiteSpace(body.Text) || body.Html is null ? body.Text ?? "" : HtmlText.ToPlainText(body.Html);
        var bounce = BounceDetector.IsBounce(message);
        var flags = AutoReplyDetector.Detect(message.Headers)
            | (bounce ? MailFlags.Bounce | MailFlags.AutoReply : MailFlags.None)
            | (headers.AnyUsable ? MailFlags.None : MailFlags.Unparsed);
        if (!headers.AnyUsable)
            problems.Add("no usable headers (no From, Subject, Date or Message-ID)");
        if (string.IsNullOrWhiteSpace(text) && body.Attachments.Count == 0)
            problems.Add("the message has no body");

        return new ParsedEmail(
            headers.MessageId ?? SynthesizedMessageId(raw), headers.MessageId is null,
            headers.InReplyTo, headers.References, headers.ThreadIndexRoot,
            headers.From, headers.To, headers.Cc, headers.ReplyTo,
            subject, headers.Date,
            text, VisibleText(body, text), body.Html is null ? null : HtmlCleaner.Sanitize(body.Html),
            body.Attachments, flags,
            body.BouncedMessageId ?? (bounce ? BounceDetector.QuotedMessageId(text) : null),
            problems)
        {
            ThreadIndex = headers.ThreadIndex,
        };
    }

    private static string VisibleText(MimeBody body, string text)
    {
        if (!string.IsNullOrWhiteSpace(body.Text) || body.Html is null)
            return QuotedTextStripper.VisibleText(text);

        // HTML only. The text rules read the flattened HTML (blockquotes become "> " lines); the clients' quote markup
        // (gmail_quote, type=cite, divRplyFwdMsg) also catches attributions in languages the rules do not know. The
        // markup result wins when it cut more, unless it left nothing: a bottom-posted answer sits after the markup
        // and the attribution, which alone reads as a quote-only reply.
        var visible = QuotedTextStripper.VisibleText(text);
        var withoutMarkup = QuotedTextStripper.VisibleText(HtmlText.ToPlainText(HtmlCleaner.RemoveQuotedHistory(body.Html)));
        return withoutMarkup.Length == 0 || visible.Length <= withoutMarkup.Length ? visible : withoutMarkup;
    }

    private static ParsedEmail Unparsed(byte[] raw, string problem)
    {
        // Control characters from binary garbage would only get in the way of storage and display.
        var text = string.Concat(TextDecoder.Lenient(raw).Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? '\uFFFD' : c));
        return new(SynthesizedMessageId(raw), true, null, [], null, null, [], [], [], "", null,
            text, text, null, [], MailFlags.Unparsed, null, [problem]);
    }

    /// <summary>Stable for the same bytes, so a redelivered message without a Message-ID is still recognised.</summary>
    internal static string SynthesizedMessageId(byte[] raw) =>
        $"sha256-{Convert.ToHexStringLower(SHA256.HashData(raw))[..32]}@switchboard.invalid";
}
