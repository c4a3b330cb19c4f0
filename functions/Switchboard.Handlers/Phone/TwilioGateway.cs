using Microsoft.Extensions.Logging;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Switchboard.Handlers.Phone;

/// <summary>
/// Texts and calls through Twilio's REST API with the official SDK. Its requests go through the named HttpClient
/// <see cref="HttpClientName"/>, whose resilience pipeline retries transient failures (429, 5xx, timeouts): no retry
/// loop here. What still fails is returned as a failure for the page log and the next rule.
/// </summary>
public sealed partial class TwilioGateway(IHttpClientFactory http, IOptions<TwilioOptions> options, ILogger<TwilioGateway> logger) : IPhoneGateway
{
    public const string HttpClientName = "twilio";

    private TwilioRestClient Client()
    {
        var o = options.Value;
        return new TwilioRestClient(o.AccountSid, o.AuthToken, httpClient: new SystemNetHttpClient(http.CreateClient(HttpClientName)));
    }

    public Task<PhoneSendResult> SendSmsAsync(string to, string body, CancellationToken cancellationToken = default) =>
        RunAsync(to, async client => (await MessageResource.CreateAsync(
            to: new PhoneNumber(to), from: new PhoneNumber(options.Value.FromNumber), body: body, client: client)).Sid);

    public Task<PhoneSendResult> CallAsync(string to, string twiml, CancellationToken cancellationToken = default) =>
        RunAsync(to, async client => (await CallResource.CreateAsync(
            to: new PhoneNumber(to), from: new PhoneNumber(options.Value.FromNumber), twiml: new Twiml(twiml), client: client)).Sid);

    private async Task<PhoneSendResult> RunAsync(string to, Func<ITwilioRestClient, Task<string>> send)
    {
        try
        {
            return new PhoneSendResult(true, await send(Client()));
        }
        catch (Exception e) when (e is ApiException or ApiConnectionException or HttpRequestException or TaskCanceledException)
        {
            LogFailed(e, E164Numbers.Masked(to));
            return new PhoneSendResult(false, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio did not take the text or call to {To}.")]
    private partial void LogFailed(Exception exception, string to);
}
