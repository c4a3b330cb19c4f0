using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>
/// Tells machine-sent mail from list mail (RFC 3834 and the de-facto headers). Automatic: Auto-Submitted other than
/// "no", X-Autoreply / X-Autorespond / X-Autoresponder, X-Auto-Response-Suppress naming OOF, Precedence: auto_reply.
/// List: Precedence list/bulk/junk, List-Id, List-Unsubscribe, List-Post, Mailing-List — mail that people write
/// through a group or list (support@ is often a Google Group): it is human mail, threaded and paged on like any other,
/// only never answered automatically. X-Auto-Response-Suppress without OOF only asks others not to auto-reply.
/// </summary>
internal static class AutoReplyDetector
{
    private static readonly string[] AutoResponderHeaders = ["X-Autoreply", "X-Autorespond", "X-Autoresponder"];

    private static readonly string[] ListPrecedence = ["bulk", "junk", "list"];

    private static readonly string[] ListHeaders = ["List-Id", "List-Unsubscribe", "List-Post", "Mailing-List"];

    public static MailFlags Detect(HeaderList headers)
    {
        var flags = MailFlags.None;
        if (IsAutomatic(headers))
            flags |= MailFlags.AutoReply;
        if (IsList(headers))
            flags |= MailFlags.List;
        return flags;
    }

    private static bool IsAutomatic(HeaderList headers)
    {
        var autoSubmitted = FirstToken(headers["Auto-Submitted"]);
        if (autoSubmitted is not null && !autoSubmitted.Equals("no", StringComparison.OrdinalIgnoreCase))
            return true;
        if (FirstToken(headers["Precedence"]) is { } precedence && precedence.Equals("auto_reply", StringComparison.OrdinalIgnoreCase))
            return true;
        if (headers["X-Auto-Response-Suppress"] is { } suppress
            && suppress.Split(',', ';', ' ').Any(t => t.Trim().Equals("OOF", StringComparison.OrdinalIgnoreCase)))
            return true;
        return AutoResponderHeaders.Any(name => FirstToken(headers[name]) is { } value && !value.Equals("no", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsList(HeaderList headers) =>
        (FirstToken(headers["Precedence"]) is { } precedence && ListPrecedence.Contains(precedence, StringComparer.OrdinalIgnoreCase))
        || ListHeaders.Any(name => !string.IsNullOrWhiteSpace(headers[name]));

    // "auto-replied; owner-email=..." → "auto-replied"
    private static string? FirstToken(string? value)
    {
        var token = value?.Split(';', 2)[0].Trim();
        return string.IsNullOrEmpty(token) ? null : token;
    }
}
