namespace Switchboard.Handlers.Phone;

/// <summary>
/// Texts and calls: <see cref="TwilioGateway"/> in production, <see cref="PhoneSinkGateway"/> locally and in tests
/// (<c>Twilio:Sender</c>). Failures are answers, not exceptions: the caller falls through to the next rule.
/// </summary>
public interface IPhoneGateway
{
    Task<PhoneSendResult> SendSmsAsync(string to, string body, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="to"/> and plays <paramref name="twiml"/> (a <c>&lt;Response&gt;</c> document).</summary>
    Task<PhoneSendResult> CallAsync(string to, string twiml, CancellationToken cancellationToken = default);
}

/// <summary>Whether Twilio took the text or call; <see cref="Detail"/> is its sid, or the error for the server log.</summary>
public sealed record PhoneSendResult(bool Ok, string Detail);
