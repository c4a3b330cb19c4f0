using System.Text;
using MimeKit;

namespace Switchboard.Core.Inbound;

/// <summary>
/// Decodes a text part with its declared charset, falling back (UTF-8 if the bytes are valid UTF-8,
/// else Windows-1252) and noting a problem instead of throwing when the charset is unknown or wrong.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1252 { get; } = Encoding.GetEncoding(1252);

    public static string Decode(TextPart part, ICollection<string> problems)
    {
        var bytes = DecodedBytes(part);
        var charset = part.ContentType.Charset?.Trim().Trim('"');
        if (string.IsNullOrEmpty(charset))
            return Fallback(bytes, problems, null);

        if (IsAscii(charset) && bytes.Any(b => b > 0x7F))
            return Fallback(bytes, problems, charset);

        try
        {
            return part.GetText(charset);
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
        {
            return Fallback(bytes, problems, charset);
        }
    }

    /// <summary>Best-effort text from bytes of unknown encoding.</summary>
    public static string Lenient(byte[] bytes)
    {
        return TryUtf8(bytes, out var text) ? text : Windows1252.GetString(bytes);
    }

    public static byte[] DecodedBytes(MimePart part)
    {
        if (part.Content is null)
            return [];
        using var memory = new MemoryStream();
        part.Content.DecodeTo(memory);
        return memory.ToArray();
    }

    private static string Fallback(byte[] bytes, ICollection<string> problems, string? charset)
    {
        var (text, used) = TryUtf8(bytes, out var utf8) ? (utf8, "UTF-8") : (Windows1252.GetString(bytes), "Windows-1252");
        if (charset is not null && IsAscii(charset))
            problems.Add($"text declared as '{charset}' contains 8-bit bytes, decoded as {used}");
        else if (charset is not null)
            problems.Add($"unknown charset '{charset}', decoded as {used}");
        else if (used != "UTF-8")
            problems.Add("text without a charset is not valid UTF-8, decoded as Windows-1252");
        return text;
    }

    private static bool TryUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static bool IsAscii(string charset) =>
        charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || charset.Equals("ascii", StringComparison.OrdinalIgnoreCase);
}
