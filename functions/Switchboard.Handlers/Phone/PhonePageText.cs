using System.Globalization;
using System.Xml.Linq;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Switchboard.Handlers.Phone;

/// <summary>
/// What a page says by text and by call. Only the count, the mailbox and the subjects: never the customer's address or
/// words (an SMS passes through carriers and lock screens).
/// </summary>
public static class PhonePageText
{
    public const string AcknowledgeDigit = "4";
    public const string EscalateDigit = "6";
    private const int MaxSummaryChars = 240;

    public static string Summary(int count, string mailboxes, IEnumerable<string> subjects)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{count} conversation{(count == 1 ? "" : "s")} waiting on {mailboxes}: {string.Join("; ", subjects.Select(s => $"\"{s.ReplaceLineEndings(" ")}\""))}");
        return text.Length <= MaxSummaryChars ? text : text[..(MaxSummaryChars - 1)] + "…";
    }

    public static string Sms(string summary) =>
        $"Switchboard page: {summary}. Reply {AcknowledgeDigit} to acknowledge, {EscalateDigit} to escalate now.";

    /// <summary>Reads the page and waits for one key: 4 acknowledges, 6 escalates now (posted to <paramref name="actionUrl"/>).</summary>
    public static string CallTwiml(string summary, string actionUrl)
    {
        var response = new VoiceResponse();
        var gather = new Gather(numDigits: 1, action: new Uri(actionUrl, UriKind.RelativeOrAbsolute), method: Twilio.Http.HttpMethod.Post, timeout: 10);
        gather.Say($"This is a Switchboard page. {summary}. Press {AcknowledgeDigit} to acknowledge, or {EscalateDigit} to escalate now.");
        response.Append(gather);
        response.Say("No key was pressed. The page stays open. Goodbye.");
        return response.ToString(SaveOptions.DisableFormatting);
    }
}
