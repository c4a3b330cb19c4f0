using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>
/// Recognises mail sent by a machine, so the help desk never answers it (RFC 3834 and the de-facto headers):
/// Auto-Submitted other than "no", X-Autoreply / X-Autorespond, Precedence bulk/junk/list/auto_reply,
/// and mailing-list mail (List-Id, List-Unsubscribe). X-Auto-Response-Suppress only asks others not to
/// auto-reply to this message, so on its own it says nothing about the sender.
/// </summary>
internal static class AutoReplyDetector
{
    private static readonly string[] AutomaticPrecedence = ["bulk", "junk", "list", "auto_reply"];

    private static readonly string[] PresenceHeaders = ["X-Autoreply", "X-Autorespond", "X-Autoresponder", "List-Id", "List-Unsubscribe"];

    public static bool IsAutomatic(HeaderList headers)
    {
        var autoSubmitted = FirstToken(headers["Auto-Submitted"]);
        if (autoSubmitted is not null && !autoSubmitted.Equals("no", StringComparison.OrdinalIgnoreCase))
            return true;

        var precedence = FirstToken(headers["Precedence"]);
        if (precedence is not null && AutomaticPrecedence.Contains(precedence, StringComparer.OrdinalIgnoreCase))
            return true;

        return PresenceHeaders.Any(name => FirstToken(headers[name]) is { } value && !value.Equals("no", StringComparison.OrdinalIgnoreCase));
    }

    // "auto-replied; owner-email=..." → "auto-replied"
    private static string? FirstToken(string? value)
    {
        var token = value?.Split(';', 2)[0].Trim();
        return string.IsNullOrEmpty(token) ? null : token;
    }
}
