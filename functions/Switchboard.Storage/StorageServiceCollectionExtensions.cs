using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Storage.Account;

namespace Switchboard.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the storage account clients (created once) and the provisioner.</summary>
    public static IServiceCollection AddSwitchboardStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return StorageAccount.FromConfiguration(configuration, new StorageNames(options.NamePrefix), sp.GetService<ClientOptionsHook>());
        });
        services.AddSingleton<Queues.WorkQueue>();
        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<StorageProvisioner>());
        return services;
    }
}
