using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Switchboard.Storage.Phone;

namespace Switchboard.Handlers.Phone;

public static class PhoneServiceCollectionExtensions
{
    /// <summary>
    /// Texts and calls for pages: contact methods, notification rules, the Twilio webhooks, and the gateway chosen by
    /// <c>Twilio:Sender</c>. The Twilio SDK's HttpClient retries transient failures (HttpRetryStrategyOptions: 408, 429
    /// with Retry-After, 5xx, connection errors, timeouts) with exponential back-off and jitter, each try limited to 10 s.
    /// </summary>
    public static IServiceCollection AddPhonePaging(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhoneStore>();
        services.AddSingleton<PhoneSinkStore>();
        services.AddSingleton<PageNotificationStore>();
        services.AddSingleton<IPhoneGateway>(sp => sp.GetRequiredService<IOptions<TwilioOptions>>().Value.UsesSink
            ? ActivatorUtilities.CreateInstance<PhoneSinkGateway>(sp)
            : ActivatorUtilities.CreateInstance<TwilioGateway>(sp));
        services.AddHttpClient(TwilioGateway.HttpClientName)
            .AddResilienceHandler("twilio", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });
        services.AddSingleton<ContactMethods>();
        services.AddSingleton<PageNotifier>();
        services.AddSingleton<RunPageNotification>();
        services.AddSingleton<TwilioSignature>();
        services.AddSingleton<ReceiveTwilioSms>();
        services.AddSingleton<ReceiveTwilioVoice>();
        services.AddSingleton<ListDevPhone>();
        return services;
    }
}
