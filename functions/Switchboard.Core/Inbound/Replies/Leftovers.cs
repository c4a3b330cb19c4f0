namespace Switchboard.Core.Inbound.Replies;

/// <summary>
/// Characters and lines that carry nothing a person wrote: zero-width and soft-hyphen characters, the "ᐧ" (U+1427)
/// that Gmail's tracking extensions append, byte-order marks, lines holding only "&gt;", and separator lines left
/// at the edges once the history is cut.
/// </summary>
internal static class Leftovers
{
    private static readonly char[] Invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];

    // Characters that show up alone on a line as tracking marks.
    private const string TrackingMarks = "\u1427";

    /// <summary>Lines of the text with invisible characters removed and non-breaking spaces made plain.</summary>
    public static List<string> CleanLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return lines.Select(CleanLine).ToList();
    }

    private static string CleanLine(string line)
    {
        if (line.IndexOfAny(Invisible) >= 0)
            line = string.Concat(line.Where(c => Array.IndexOf(Invisible, c) < 0));
        line = line.Replace('\u00A0', ' ').Replace('\u202F', ' ');
        return line.Trim().Trim(TrackingMarks.ToCharArray()).Length == 0 ? "" : line.TrimEnd(' ', '\t', '\u1427');
    }

    /// <summary>True for a line that is only quote marks: what is left of an empty quoted line.</summary>
    public static bool IsLoneQuoteMark(string line) => line.Trim().Length > 0 && line.Trim().All(c => c is '>' or ' ');

    /// <summary>The text without lone quote marks, edge separator lines and runs of blank lines.</summary>
    public static string Tidy(IEnumerable<string> lines)
    {
        var kept = lines.Where(l => !IsLoneQuoteMark(l)).Select(l => l.TrimEnd()).ToList();
        while (kept.Count > 0 && (kept[^1].Length == 0 || HistoryMarkers.IsSeparatorLine(kept[^1])))
            kept.RemoveAt(kept.Count - 1);
        while (kept.Count > 0 && (kept[0].Trim().Length == 0 || HistoryMarkers.IsSeparatorLine(kept[0])))
            kept.RemoveAt(0);
        var result = new List<string>();
        foreach (var line in kept)
        {
            if (line.Length == 0 && result.Count > 0 && result[^1].Length == 0)
                continue;
            result.Add(line);
        }
        return string.Join('\n', result);
    }
}
