namespace Switchboard.Core.Inbound;

/// <summary>
/// Finds what the author wrote now in a plain-text body: cuts the quoted history below the first
/// attribution ("On … wrote:"), Outlook header block or "-----Original Message-----" line, drops trailing
/// "&gt;" quotes and the signature. Forwarded messages are kept whole; interleaved replies (answers below
/// quotes) keep the quotes they answer, because an answer like "Yes, tomorrow." means nothing without them.
/// </summary>
internal static class ReplyExtractor
{
    // How far below "From:" Outlook's Sent/To/Subject lines may be (Cc can be long).
    private const int HeaderBlockSpan = 8;

    private const int MaxAttributionLines = 3;

    public static string VisibleText(string text, bool subjectIsForward)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var forward = Array.FindIndex(lines, l => QuoteMarkers.Forward().IsMatch(l.Trim()));
        var (cut, end, isAttribution) = FirstQuoteMarker(lines);

        if (forward >= 0 && (cut < 0 || forward < cut))
            return KeepForward(lines, forward);
        if (cut >= 0 && subjectIsForward && !isAttribution)
            return KeepForward(lines, cut);

        var kept = cut < 0 ? lines
            : isAttribution && IsInterleaved(lines.Skip(end + 1).ToList()) ? lines
            : lines.Take(cut).ToArray();
        return Join(DropTrailingQuotes(SignatureStripper.Strip(kept)));
    }

    /// <summary>The forwarded part as it is, below whatever the forwarder wrote (without their signature).</summary>
    private static string KeepForward(string[] lines, int start)
    {
        var note = Join(SignatureStripper.Strip(lines.Take(start).ToList()));
        var forwarded = Join(lines.Skip(start).ToList());
        return note.Length == 0 ? forwarded : note + "\n\n" + forwarded;
    }

    /// <summary>Index of the first line of quoted history, the index of its last marker line, and its kind.</summary>
    private static (int Start, int End, bool IsAttribution) FirstQuoteMarker(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || IsQuoted(line))
                continue;
            if (AttributionEnd(lines, i) is { } end)
                return (i, end, true);
            if (QuoteMarkers.OriginalMessage().IsMatch(line) || IsHeaderBlock(lines, i))
                return (i, i, false);
            if (QuoteMarkers.Underscores().IsMatch(line) && NextNonBlank(lines, i + 1) is { } next && IsHeaderBlock(lines, next))
                return (i, i, false);
        }
        return (-1, -1, false);
    }

    private static int? AttributionEnd(string[] lines, int start)
    {
        var joined = lines[start].Trim();
        if (QuoteMarkers.Attribution().IsMatch(joined))
            return start;
        if (!QuoteMarkers.AttributionStart().IsMatch(joined))
            return null;
        for (var i = start + 1; i < lines.Length && i < start + MaxAttributionLines; i++)
        {
            if (lines[i].Trim().Length == 0 || IsQuoted(lines[i].Trim()))
                return null;
            joined += " " + lines[i].Trim();
            if (QuoteMarkers.Attribution().IsMatch(joined))
                return i;
        }
        return null;
    }

    private static bool IsHeaderBlock(string[] lines, int from)
    {
        if (!QuoteMarkers.HeaderFrom().IsMatch(lines[from].Trim()))
            return false;
        var following = lines.Skip(from + 1).Take(HeaderBlockSpan).Select(l => l.Trim()).ToList();
        var found = new[] { QuoteMarkers.HeaderSent(), QuoteMarkers.HeaderTo(), QuoteMarkers.HeaderSubject() }
            .Count(pattern => following.Any(l => pattern.IsMatch(l)));
        return found >= 2;
    }

    /// <summary>True when, below the attribution, the author wrote text between or after "&gt;" quotes.</summary>
    private static bool IsInterleaved(List<string> rest)
    {
        var firstQuote = rest.FindIndex(l => l.Trim().Length > 0);
        if (firstQuote < 0 || !IsQuoted(rest[firstQuote].Trim()))
            return false;
        return SignatureStripper.Strip(rest).Skip(firstQuote).Any(l => l.Trim().Length > 0 && !IsQuoted(l.Trim()));
    }

    private static List<string> DropTrailingQuotes(List<string> lines)
    {
        var end = lines.Count;
        while (end > 0 && (lines[end - 1].Trim().Length == 0 || IsQuoted(lines[end - 1].Trim())))
            end--;
        return lines.Take(end).ToList();
    }

    private static int? NextNonBlank(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
            if (lines[i].Trim().Length > 0)
                return i;
        return null;
    }

    private static bool IsQuoted(string trimmedLine) => trimmedLine.StartsWith('>');

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines.Select(l => l.TrimEnd())).Trim('\n', ' ');
}
