using PhoneNumbers;

namespace Switchboard.Handlers.Phone;

/// <summary>
/// Phone numbers as stored and dialled: E.164 (<c>+4915123456789</c>). Input must carry its country code (no default
/// region is guessed: agents are anywhere) and be a valid number for it according to libphonenumber's metadata.
/// </summary>
public static class E164Numbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static (string? Number, string? Problem) Normalize(string? input)
    {
        var text = input?.Trim() ?? "";
        if (!text.StartsWith('+') || text.Length > 32)
        {
            return (null, "Give the number in international form with its country code, e.g. +14155550100.");
        }
        try
        {
            var parsed = Util.Parse(text, null);
            return Util.IsValidNumber(parsed)
                ? (Util.Format(parsed, PhoneNumberFormat.E164), null)
                : (null, $"'{text}' is not a valid phone number for its country code.");
        }
        catch (NumberParseException)
        {
            return (null, $"'{text}' is not a phone number.");
        }
    }

    /// <summary>The number as the page log shows it: country code and last four digits (<c>+49…6789</c>).</summary>
    public static string Masked(string e164) => e164.Length <= 7 ? e164 : $"{e164[..3]}…{e164[^4..]}";
}
