namespace Switchboard.Core.Inbound.Replies;

/// <summary>
/// Removes a signature: everything from the RFC 3676 "-- " delimiter, or from a mail app's
/// "Sent from my iPhone"-style line near the end. Sign-offs a person typed ("Thanks, Ana") are kept.
/// </summary>
internal static class SignatureStripper
{
    // A bare "--" (delimiter whose trailing space was eaten) counts only this close to the end.
    private const int BareDelimiterWindow = 12;

    // Mobile sign-offs count only among the last few non-blank lines.
    private const int MobileWindow = 4;

    public static List<string> Strip(IReadOnlyList<string> lines)
    {
        var cut = Delimiter(lines);
        if (cut < 0)
            cut = MobileSignOff(lines);
        return cut < 0 ? [.. lines] : [.. lines.Take(cut)];
    }

    private static int Delimiter(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] == "-- " || (lines[i].TrimEnd() == "--" && lines.Count - i <= BareDelimiterWindow))
                return i;
        }
        return -1;
    }

    private static int MobileSignOff(IReadOnlyList<string> lines)
    {
        var seen = 0;
        for (var i = lines.Count - 1; i >= 0 && seen < MobileWindow; i--)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('>'))
                continue;
            seen++;
            if (ClientSignatures.IsClientSignOff(line))
                return i;
        }
        return -1;
    }
}
