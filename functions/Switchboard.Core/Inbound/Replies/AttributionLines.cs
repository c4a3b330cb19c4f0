using System.Text.RegularExpressions;

namespace Switchboard.Core.Inbound.Replies;

/// <summary>
/// The line a mail client writes above the quote ("On 16 Nov 2026, Ana wrote:"), per language. A candidate is one
/// trimmed line, or a line a client wrapped joined with the next one or two, with its whitespace collapsed.
/// </summary>
internal static partial class AttributionLines
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Ends with a "wrote" verb and a colon, in each language's client wording (Gmail, Apple Mail, Thunderbird, Outlook for Mac, K-9).</summary>
    [GeneratedRegex("""
        (?:
            \b(?:wrote|writes|said)                          # en: On …, Ana wrote: / At …, you wrote: / Ana writes:
          | \ba\s+écrit                                      # fr: Le … à 10:05, Ana a écrit :
          | \bschrieb\b.*  | \bhat\s+geschrieben             # de: Am … schrieb Ana: / Ana <…> schrieb am Mo., … Uhr:
          | \bescribió                                       # es: El lun, … escribió:
          | \bescreveu                                       # pt: Em seg., … escreveu:
          | \bha\s+scritto | \bscrisse                       # it: Il giorno … ha scritto:
          | \bschreef\b.* | \bhet\s+volgende\s+geschreven    # nl: Op ma 16 nov. 2026 om 10:05 schreef Ana: / Apple Mail
          | \bskrev\b.*                                      # sv/da/no: Den mån … kl 10:05 skrev Ana:
          | \bnapisał(?:\(a\)|a)?  | \bpisze                 # pl: W dniu … Ana napisał(a): / Ana pisze:
          | (?:написал(?:\(а\)|а)?|пишет)                    # ru: … Ana <…> написал(а):
          | (?:пише|написав(?:\(ла\)|ла)?|написала)          # uk: … "Ana" <…> пише:
          | 写道 | 寫道                                       # zh: 在 2026年11月16日 10:05，Ana 写道：
          | (?:のメッセージ|のメール|書きました)                # ja (Outlook/Thunderbird)
          | 작성                                              # ko: …님이 작성:
          | \byazdı                                          # tr: … tarihinde şunu yazdı:
          | \bnaps(?:al|ala|al\(a\))  | \bnapísal(?:\(a\)|a)? # cs/sk
          | \bkirjoitti                                      # fi
          | \bírta\b.*                                       # hu: Ana <…> ezt írta (időpont: …):
          | \ba\s+scris                                      # ro
          | έγραψε                                           # el
          | \bje\s+napisao | \bnapisao\s+je                  # hr/sr
        )\s*[:：]$
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex WroteVerb();

    /// <summary>Zoho's "---- On Mon, 16 Nov 2026 10:05 Ana wrote ----" (no colon, dashes both sides).</summary>
    [GeneratedRegex(@"^-{2,}\s*\S.{3,250}\b(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef|skrev|napisał|написал)\b.{0,60}-{2,}$", Options)]
    private static partial Regex DashedWrote();

    /// <summary>Horde and webmail "Quoting Ana &lt;a@x&gt;:".</summary>
    [GeneratedRegex(@"^(?:Quoting|Zitat von|Citando|Citation de|Citazione di|Cytowanie|Цитата|Wiadomość napisana przez)\s.{1,200}[:：]$", Options)]
    private static partial Regex Quoting();

    /// <summary>
    /// A date and an address, then a colon, with no verb: Gmail in Japanese and Russian, ISO-dated clients
    /// ("2026-11-16 10:05 GMT+01:00 Ana &lt;a@x&gt;:"). Only counts when a quote follows, as a sentence could look so.
    /// </summary>
    [GeneratedRegex(@"^(?=.*\d)(?=.*[^\s@<>""(]+@[^\s@<>"")]+\.[^\s@<>"")]+).{8,300}[:：]$", Options)]
    private static partial Regex DatedAddress();

    /// <summary>How attributions that clients wrap over lines begin: a leading word, or a date/address on the first line.</summary>
    [GeneratedRegex(@"^(?:On|At|Le|Am|El|Em|Il|Op|Den|På|W dniu|Dnia|Dne|Στις|Pada|Vào|在|於|Quoting|Zitat)\s", Options)]
    private static partial Regex LeadingWord();

    [GeneratedRegex(@"^\S.*(?:\d|@|<)", Options)]
    private static partial Regex DateOrAddress();

    private static bool WrappedStart(string line) => LeadingWord().IsMatch(line) || DateOrAddress().IsMatch(line);

    private const int MaxWrappedLines = 3;
    private const int MaxLength = 320;

    /// <summary>The index of the attribution's last line when an attribution starts at <paramref name="start"/>, else null.</summary>
    public static int? EndOf(IReadOnlyList<string> lines, int start)
    {
        var first = lines[start].Trim();
        if (first.Length == 0 || first.StartsWith('>'))
            return null;
        var paragraphStart = start == 0 || lines[start - 1].Trim() is { Length: 0 } or ['>', ..];
        var joined = first;
        for (var end = start; end < lines.Count && end < start + MaxWrappedLines; end++)
        {
            if (end > start)
            {
                var next = lines[end].Trim();
                if (next.Length == 0 || next.StartsWith('>') || !paragraphStart || !WrappedStart(first)
                    || EndsSentence(first) || LeadingWord().IsMatch(next))
                    return null;
                joined += " " + next;
            }
            var candidate = Normalize(joined);
            if (candidate.Length > MaxLength)
                return null;
            if (IsAttribution(candidate, QuoteFollows(lines, end + 1)))
                return end;
        }
        return null;
    }

    public static bool IsAttribution(string candidate, bool quoteFollows) =>
        WroteVerb().IsMatch(candidate) || DashedWrote().IsMatch(candidate) || Quoting().IsMatch(candidate)
        || (quoteFollows && DatedAddress().IsMatch(candidate));

    /// <summary>The next non-blank line is a "&gt;" quote, or nothing follows (the client's quote markup was removed).</summary>
    private static bool QuoteFollows(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0)
                return line.StartsWith('>');
        }
        return true;
    }

    // A client wraps an attribution mid-sentence; a line ending a sentence is the author's text above one.
    private static bool EndsSentence(string line) => line.EndsWith('.') || line.EndsWith('!') || line.EndsWith('?') || line.EndsWith('。');

    // "Ana Pereira <\nana@example.com> wrote:" → "Ana Pereira <ana@example.com> wrote:"
    private static string Normalize(string joined) =>
        Spaces().Replace(joined, " ").Replace("< ", "<").Replace(" >", ">").Trim('*', ' ');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
