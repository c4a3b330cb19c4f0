using System.Text.RegularExpressions;

namespace Switchboard.Core.Threading;

/// <summary>
/// Reply and forward prefixes of subjects in the forms mail clients write them ("Re:", "RE[2]:", "AW:", "SV:", "RV:",
/// "Fwd:", "WG:", "回复:", "転送:", …, after any "[list]" tags), read by one list so that the subject a conversation
/// shows and the key the threading fallback compares always agree. Words that merely start like a prefix ("Return
/// policy", "Fwd rates") are left alone: a prefix needs its colon.
/// </summary>
public static partial class Subjects
{
    // Replies: Re, Aw (German), Sv (Nordic), Vs/Vl (Finnish), Antw/Antwort (Dutch, German), R/Rif (Italian),
    // Ref/Réf (French), Res (Portuguese), Odp (Polish), Ynt (Turkish), Atb (Latvian), 回复/答复/回覆 (Chinese).
    // Forwards: Fw/Fwd, WG (German), TR (French), RV (Spanish), Enc (Portuguese), Doorst (Dutch), VB (Swedish),
    // 转发/轉寄 (Chinese), 転送 (Japanese).
    private const string ReplyWords = "re|aw|sv|vs|vl|antw|antwort|r|rif|ref|réf|res|odp|ynt|atb|回复|答复|回覆";
    private const string ForwardWordList = "fwd?|wg|tr|rv|enc|doorst|vb|转发|轉寄|転送";

    /// <summary>Whether the subject starts (after any [list] tags) with a reply or forward prefix.</summary>
    public static bool IsReplyOrForward(string? subject) => Prefix().IsMatch(subject ?? "");

    /// <summary>True when the outermost prefix marks a forward ("Fwd:", "FW:", "WG:", "TR:", "RV:", "转发:", …).</summary>
    public static bool IsForward(string? subject) =>
        Prefix().Match(subject ?? "") is { Success: true } match && ForwardWords().IsMatch(match.Groups["word"].Value);

    /// <summary>The subject as a conversation shows it: prefixes removed, case and inner spacing kept; "(no subject)" when nothing is left.</summary>
    public static string WithoutPrefixes(string? subject)
    {
        var current = (subject ?? "").Trim();
        for (var match = Prefix().Match(current); match.Success && current.Length > 0; match = Prefix().Match(current))
        {
            current = current[match.Length..].Trim();
        }
        return current.Length == 0 ? "(no subject)" : current;
    }

    /// <summary>
    /// The key of the threading fallback (same customer, same subject): prefixes, leading "[list]" tags and "(fwd)"
    /// removed, whitespace collapsed, lower case. A subject made only of prefixes ("Re:") keeps its text, so it
    /// still compares equal to itself.
    /// </summary>
    public static string ThreadingKey(string? subject)
    {
        var whole = Whitespace().Replace(subject ?? "", " ").Trim();
        var rest = whole;
        string previous;
        do
        {
            previous = rest;
            rest = Prefix().Replace(rest, "", 1).TrimStart();
            rest = LeadingTag().Replace(rest, "", 1).TrimStart();
            rest = FwdMarker().Replace(rest, "").Trim();
        }
        while (rest != previous && rest.Length > 0);
        return (rest.Length > 0 ? rest : whole).ToLowerInvariant();
    }

    [GeneratedRegex(@"^\s*(\[[^\]]{0,40}\]\s*)*(?<word>" + ReplyWords + "|" + ForwardWordList + @")\s*(\[\d+\]|\(\d+\)|\^\d+)?\s*[:：]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex("^(" + ForwardWordList + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardWords();

    [GeneratedRegex(@"^\[[^\]]{1,40}\]")]
    private static partial Regex LeadingTag();

    [GeneratedRegex(@"(^\(fwd\)|\(fwd\)$)", RegexOptions.IgnoreCase)]
    private static partial Regex FwdMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
