using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>
/// MimeKit decodes damaged base64 leniently (skipping what it cannot read); this notes the damage so an agent
/// knows an attachment may be incomplete.
/// </summary>
internal static class Base64Check
{
    public static void Note(MimePart part, string what, ICollection<string> problems)
    {
        if (part.ContentTransferEncoding != ContentEncoding.Base64 || part.Content?.Stream is not { CanSeek: true } stream)
            return;

        long valid = 0;
        var invalid = false;
        stream.Position = 0;
        int b;
        while ((b = stream.ReadByte()) != -1)
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is '+' or '/' or '=')
                valid++;
            else if (b is not (' ' or '\t' or '\r' or '\n'))
                invalid = true;
        }
        stream.Position = 0;

        if (invalid || valid % 4 != 0)
            problems.Add($"{what} has damaged base64 content; decoded what could be read");
    }
}
