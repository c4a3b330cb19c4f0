using System.Text.RegularExpressions;

namespace Switchboard.Core.Threading;

/// <summary>
/// Turns a subject into a key for the threading fallback (same customer, same subject): strips any number of
/// reply and forward prefixes in the forms mail clients write them ("Re:", "RE[2]:", "Fwd:", "AW:", "SV:",
/// "回复:", …), leading "[list]" tags and "(fwd)", collapses whitespace and case-folds. Words that merely start
/// like a prefix ("Return policy", "Fwd rates") are left alone: a prefix needs its colon.
/// </summary>
public static partial class SubjectNormalizer
{
    public static string Normalize(string subject)
    {
        var rest = Whitespace().Replace(subject ?? "", " ").Trim();
        string previous;
        do
        {
            previous = rest;
            rest = Prefix().Replace(rest, "", 1).TrimStart();
            rest = LeadingTag().Replace(rest, "", 1).TrimStart();
            rest = FwdMarker().Replace(rest, "").Trim();
        }
        while (rest != previous && rest.Length > 0);

        // A subject made only of prefixes ("Re:") keeps its text, so it still compares equal to itself.
        return (rest.Length > 0 ? rest : Whitespace().Replace(subject ?? "", " ").Trim()).ToLowerInvariant();
    }

    /// <summary>True when the outermost prefix marks a forward ("Fwd:", "FW:", "WG:", "TR:", "RV:", "I:", "转发:", …).</summary>
    public static bool IsForward(string subject)
    {
        var rest = LeadingTag().Replace(subject?.TrimStart() ?? "", "", 1).TrimStart();
        var match = Prefix().Match(rest);
        return match.Success && ForwardWords().IsMatch(match.Groups["word"].Value);
    }

    [GeneratedRegex(@"^(?<word>re|aw|sv|vs|antw|antwort|rif|r|réf|ref|ynt|odp|atb|vl|回复|答复|回覆|fwd?|wg|tr|rv|enc|doorst|vb|转发|轉寄|転送)\s*(\[\d+\]|\(\d+\)|\^\d+)?\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(fwd?|wg|tr|rv|enc|doorst|vb|转发|轉寄|転送)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardWords();

    [GeneratedRegex(@"^\[[^\]]{1,40}\]")]
    private static partial Regex LeadingTag();

    [GeneratedRegex(@"(^\(fwd\)|\(fwd\)$)", RegexOptions.IgnoreCase)]
    private static partial Regex FwdMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
