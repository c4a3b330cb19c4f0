namespace Switchboard.Core.Inbound.Replies;

/// <summary>
/// Finds what the author wrote now in a plain-text body (or the plain text of an HTML body). It cuts the history
/// below the first marker (<see cref="HistoryMarkers"/>: attribution, original-message line, Outlook header block,
/// forward separator) and the signature; keeps the answer of a bottom-posted reply and the answers, with the quotes
/// they answer, of an interleaved one; and returns "" for a reply that only quotes. A forwarded message is left out
/// of the visible text (it stays in the full text, which the app shows on demand): the visible text is what the
/// forwarder wrote above it. Where the shape is unclear it keeps more rather than hide the customer's words.
/// </summary>
public static class QuotedTextStripper
{
    public static string VisibleText(string text)
    {
        var lines = Leftovers.CleanLines(text ?? "");
        var marker = HistoryMarkers.First(lines);
        if (marker is null)
            return Finish(QuoteRuns.Answers(lines));

        var above = lines.Take(marker.Start).ToList();
        if (marker.Kind != MarkerKind.Attribution)
            return Finish(above);

        var below = SignatureStripper.Strip(lines.Skip(marker.End + 1).ToList());
        var authorWroteAbove = SignatureStripper.Strip(above).Any(IsAuthorText);
        if (!QuoteRuns.HasAnswerAfterQuote(below))
            return Finish(above);
        // Text below the quote: a bottom-posted or interleaved reply. With text above it too, all of it is the author's.
        return authorWroteAbove
            ? Finish([.. above, .. lines.Skip(marker.Start).Take(marker.End - marker.Start + 1), .. below])
            : Finish(QuoteRuns.Answers(below));
    }

    private static bool IsAuthorText(string line) => line.Trim().Length > 0 && !line.TrimStart().StartsWith('>');

    private static string Finish(List<string> lines)
    {
        var withoutSignature = SignatureStripper.Strip(QuoteRuns.WithoutTrailingQuote(lines));
        return Leftovers.Tidy(QuoteRuns.WithoutTrailingQuote(withoutSignature));
    }
}
