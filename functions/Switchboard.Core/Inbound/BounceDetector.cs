using System.Text.RegularExpressions;
using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>
/// Recognises delivery status notifications: a multipart/report of type delivery-status (RFC 3464), or
/// the older free-form bounces MAILER-DAEMON and postmaster send with a delivery-failure subject.
/// </summary>
internal static partial class BounceDetector
{
    public static bool IsBounce(MimeMessage message)
    {
        if (message.Body is MultipartReport report
            && string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase))
            return true;

        var sender = message.From.Mailboxes.FirstOrDefault()?.LocalPart ?? "";
        return IsDaemon(sender) && FailureSubject().IsMatch(message.Subject ?? "");
    }

    /// <summary>The Message-ID a free-form bounce quotes in its text ("Message-ID: &lt;…&gt;"), if any.</summary>
    public static string? QuotedMessageId(string text)
    {
        var match = QuotedMessageIdLine().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsDaemon(string localPart) =>
        localPart.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase)
        || localPart.Equals("postmaster", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"undeliver|not (be )?delivered|delivery (status notification|fail|failure|problem)|returned (mail|to sender)|failure notice|mail delivery|unzustellbar|non remis|no se puede entregar|unable to deliver", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FailureSubject();

    [GeneratedRegex(@"^\s*>?\s*Message-ID:\s*<([^>\s]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedMessageIdLine();
}
