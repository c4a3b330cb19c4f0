using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Handlers.Phone;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>The Twilio SDK's requests go through the resilience pipeline: transient answers are retried, others are not.</summary>
public sealed class TwilioGatewayTests
{
    [Fact]
    public async Task A_503_from_Twilio_is_retried_and_the_text_goes_out()
    {
        var twilio = new FakeTwilio(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created);
        await using var host = await StartAsync(twilio);

        var result = await host.Services.GetRequiredService<IPhoneGateway>().SendSmsAsync(PhoneDriver.Mobile, "hello");

        Assert.True(result.Ok, result.Detail);
        Assert.Equal("SM0123", result.Detail);
        Assert.Equal(2, twilio.Requests.Count);
        Assert.All(twilio.Requests, r => Assert.Equal("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json", r));
    }

    [Fact]
    public async Task A_400_is_not_retried_and_is_a_failure()
    {
        var twilio = new FakeTwilio(HttpStatusCode.BadRequest, HttpStatusCode.Created);
        await using var host = await StartAsync(twilio);

        var result = await host.Services.GetRequiredService<IPhoneGateway>().CallAsync(PhoneDriver.Desk, "<Response><Say>hi</Say></Response>");

        Assert.False(result.Ok);
        Assert.Single(twilio.Requests);
    }

    private static Task<TestHost> StartAsync(FakeTwilio twilio) => TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Twilio:Sender"] = "twilio",
        ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["Twilio:AuthToken"] = PhoneDriver.AuthToken,
        ["Twilio:FromNumber"] = "+14155552671",
        ["Twilio:RetryDelay"] = "00:00:00",
    }, services => services.AddHttpClient(TwilioGateway.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => twilio), queuePump: false);

    /// <summary>Answers with the given statuses in turn (the last one repeats); a 2xx carries a resource with sid SM0123.</summary>
    private sealed class FakeTwilio(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request.RequestUri!.AbsolutePath);
            var status = statuses[Math.Min(Requests.Count - 1, statuses.Length - 1)];
            var body = (int)status < 300 ? "{\"sid\":\"SM0123\",\"status\":\"queued\"}" : "{\"code\":20001,\"message\":\"nope\",\"status\":" + (int)status + "}";
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
