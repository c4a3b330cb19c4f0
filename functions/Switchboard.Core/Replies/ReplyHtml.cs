using Switchboard.Core.Inbound;

namespace Switchboard.Core.Replies;

/// <summary>HTML an agent writes is stored and shown like a customer's: sanitized the same way.</summary>
public static class ReplyHtml
{
    public static string Sanitize(string html) => HtmlCleaner.Sanitize(html);
}
