using System.Text;

namespace Switchboard.Storage;

/// <summary>Table keys may not contain / \ # ? or control characters; this escapes them reversibly.</summary>
public static class KeyEncoding
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Row keys that sort newest first: the ticks counted down from the end of time.</summary>
    public static string NewestFirst(DateTimeOffset time) => (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19");
}
