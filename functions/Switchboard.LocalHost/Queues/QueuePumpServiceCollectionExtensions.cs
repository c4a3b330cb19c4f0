using Microsoft.Extensions.Options;

namespace Switchboard.LocalHost.Queues;

public static class QueuePumpServiceCollectionExtensions
{
    /// <summary>Runs every registered <c>IQueueHandler</c> from its queue, configured by host.json's <c>extensions:queues</c>.</summary>
    public static IServiceCollection AddQueuePump(this IServiceCollection services)
    {
        services.AddOptions<QueuePumpOptions>()
            .BindConfiguration(QueuePumpOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (configuration.GetValue<TimeSpan?>($"{QueuePumpOptions.LocalSection}:ReceiveVisibility") is { } visibility)
                {
                    options.ReceiveVisibility = visibility;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueuePumpOptions>, QueuePumpOptionsValidator>();
        services.AddHostedService<QueuePump>();
        return services;
    }

    private sealed class QueuePumpOptionsValidator : IValidateOptions<QueuePumpOptions>
    {
        public ValidateOptionsResult Validate(string? name, QueuePumpOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
