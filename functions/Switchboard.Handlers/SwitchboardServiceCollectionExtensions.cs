using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Handlers.Health;
using Switchboard.Storage;

namespace Switchboard.Handlers;

public static class SwitchboardServiceCollectionExtensions
{
    /// <summary>Everything both hosts need: options, storage, handlers. Each host adds only its own plumbing.</summary>
    public static IServiceCollection AddSwitchboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSwitchboardStorage(configuration);

        services.AddSingleton<CheckHealth>();
        return services;
    }
}
