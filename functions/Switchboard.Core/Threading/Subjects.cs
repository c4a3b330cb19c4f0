using System.Text.RegularExpressions;

namespace Switchboard.Core.Threading;

/// <summary>Reply and forward prefixes (Re:, AW:, SV:, Fwd:, 回复:, … after any [list] tags) as people see them.</summary>
public static partial class Subjects
{
    public static bool IsReplyOrForward(string subject) => Prefix().IsMatch(subject);

    /// <summary>The subject as the conversation shows it: prefixes removed, case kept.</summary>
    public static string WithoutPrefixes(string subject)
    {
        var current = subject.Trim();
        for (var match = Prefix().Match(current); match.Success && current.Length > 0; match = Prefix().Match(current))
        {
            current = current[match.Length..].Trim();
        }
        return current.Length == 0 ? "(no subject)" : current;
    }

    [GeneratedRegex(@"^\s*(\[[^\]]*\]\s*)*(re|aw|sv|vs|antw|antwort|r|rif|ref|réf|odp|ynt|res|回复|回覆|答复|fw|fwd|wg|tr|enc|doorst|vl)\s*(\[\d+\]|\(\d+\))?\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
