using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Escalation;
using Switchboard.Storage.Phone;
using Twilio.Security;
using Twilio.TwiML;

namespace Switchboard.Handlers.Phone;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with the SDK's <see cref="RequestValidator"/> (HMAC-SHA1 of the URL Twilio called
/// and the form fields, keyed by <c>Twilio:AuthToken</c>). The URL is <c>Auth:PublicUrl</c> + path and query when set
/// (behind a proxy the request's own URL differs from the one Twilio signed), else the request's own.
/// </summary>
public sealed class TwilioSignature(IOptions<TwilioOptions> twilio, IOptions<AuthOptions> auth)
{
    /// <summary>The form fields when the signature is right; null otherwise (or when no auth token is configured).</summary>
    public async Task<IReadOnlyDictionary<string, string>?> VerifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (twilio.Value.AuthToken is not { Length: > 0 } token || request.Headers["X-Twilio-Signature"].ToString() is not { Length: > 0 } signature)
        {
            return null;
        }
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (name, value) in await request.ReadFormAsync(cancellationToken))
            {
                form[name] = value.ToString();
            }
        }
        var origin = auth.Value.PublicUrl is { Length: > 0 } publicUrl ? publicUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
        var url = origin + request.PathBase + request.Path + request.QueryString;
        return new RequestValidator(token).Validate(url, form, signature) ? form : null;
    }
}

/// <summary>
/// <c>POST /api/twilio/sms</c>: a text to our Twilio number. From a number that was texted a page, "4" acknowledges
/// that page (the last one texted to it) and "6" escalates it now. Answers with TwiML (the reply text).
/// </summary>
public sealed class ReceiveTwilioSms(TwilioSignature signature, PhoneStore phones, PageAcknowledger acknowledger, PageNotificationStore steps, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (await signature.VerifyAsync(request, cancellationToken) is not { } form)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        var from = E164Numbers.Normalize(form.GetValueOrDefault("From")).Number;
        var pageId = from is null ? null : await phones.GetLastPageAsync(from, cancellationToken);
        var reply = pageId is null
            ? "There is no page for this number."
            : await PhoneActions.RunAsync(form.GetValueOrDefault("Body")?.Trim(), pageId, acknowledger, steps, time, cancellationToken)
              ?? $"Reply {PhonePageText.AcknowledgeDigit} to acknowledge the last page, {PhonePageText.EscalateDigit} to escalate it now.";
        var response = new MessagingResponse();
        response.Message(reply);
        return Results.Content(response.ToString(), "application/xml");
    }
}

/// <summary><c>POST /api/twilio/voice/{token}</c>: the key pressed on a page call (4 acknowledges, 6 escalates now). The token names the page, signed.</summary>
public sealed class ReceiveTwilioVoice(TwilioSignature signature, PageLinks links, PageAcknowledger acknowledger, PageNotificationStore steps, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken = default)
    {
        if (await signature.VerifyAsync(request, cancellationToken) is not { } form)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        var said = links.Verify(token) is { } pageId
            ? await PhoneActions.RunAsync(form.GetValueOrDefault("Digits"), pageId, acknowledger, steps, time, cancellationToken) ?? "That key does nothing. Goodbye."
            : "This page is not known. Goodbye.";
        var response = new VoiceResponse();
        response.Say(said);
        response.Hangup();
        return Results.Content(response.ToString(), "application/xml");
    }
}

internal static class PhoneActions
{
    /// <summary>What the answer says, or null when <paramref name="key"/> is neither 4 nor 6.</summary>
    public static async Task<string?> RunAsync(string? key, string pageId, PageAcknowledger acknowledger, PageNotificationStore steps, TimeProvider time, CancellationToken cancellationToken)
    {
        switch (key)
        {
            case PhonePageText.AcknowledgeDigit:
                var result = await acknowledger.AcknowledgeAsync(pageId, cancellationToken);
                return result.Outcome switch
                {
                    AckOutcome.Acknowledged => $"Acknowledged. Escalation stopped for {result.Stopped} conversation{(result.Stopped == 1 ? "" : "s")}.",
                    AckOutcome.AlreadyAcknowledged => "This page was already acknowledged.",
                    _ => "This page is not known.",
                };
            case PhonePageText.EscalateDigit:
                var ack = (await acknowledger.AcknowledgeStateAsync(pageId, cancellationToken));
                if (ack is null)
                {
                    return "This page is not known.";
                }
                if (ack.AcknowledgedAt is not null)
                {
                    return "This page was already acknowledged.";
                }
                await steps.StopAsync(pageId, "escalated", time.GetUtcNow(), cancellationToken);
                var moved = await acknowledger.EscalateNowAsync(ack, cancellationToken);
                return moved > 0 ? "Escalated: the next level is paged now." : "There is no further level to page.";
            default:
                return null;
        }
    }
}
