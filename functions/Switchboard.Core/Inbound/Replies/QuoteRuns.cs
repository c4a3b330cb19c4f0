namespace Switchboard.Core.Inbound.Replies;

/// <summary>Reading "&gt;"-quoted lines: which of the unquoted lines between them are answers.</summary>
internal static class QuoteRuns
{
    /// <summary>
    /// The author's part of lines that may hold "&gt;" quotes: a quote at the end goes; a single quote at the top
    /// followed by text is a bottom-posted reply and goes; quotes with answers between them stay (interleaved).
    /// </summary>
    public static List<string> Answers(IReadOnlyList<string> lines)
    {
        var kept = SignatureStripper.Strip(WithoutTrailingQuote(lines));
        var runs = QuoteRunStarts(kept);
        var firstText = kept.FindIndex(IsText);
        if (firstText < 0)
            return [];
        if (runs.Count == 1 && runs[0] < firstText)
            return kept.Skip(firstText).ToList();
        return kept;
    }

    /// <summary>True when an unquoted, non-blank line follows a quoted one.</summary>
    public static bool HasAnswerAfterQuote(IReadOnlyList<string> lines)
    {
        var quoteSeen = false;
        foreach (var line in lines)
        {
            quoteSeen |= IsQuote(line);
            if (quoteSeen && IsText(line))
                return true;
        }
        return false;
    }

    public static List<string> WithoutTrailingQuote(IReadOnlyList<string> lines)
    {
        var end = lines.Count;
        while (end > 0 && (lines[end - 1].Trim().Length == 0 || IsQuote(lines[end - 1])))
            end--;
        return lines.Take(end).ToList();
    }

    private static List<int> QuoteRunStarts(List<string> lines)
    {
        var starts = new List<int>();
        var inQuote = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsQuote(lines[i]) && !inQuote)
                starts.Add(i);
            if (IsQuote(lines[i]))
                inQuote = true;
            else if (IsText(lines[i]))
                inQuote = false;
        }
        return starts;
    }

    private static bool IsQuote(string line) => line.TrimStart().StartsWith('>');

    private static bool IsText(string line) => line.Trim().Length > 0 && !line.TrimStart().StartsWith('>');
}
