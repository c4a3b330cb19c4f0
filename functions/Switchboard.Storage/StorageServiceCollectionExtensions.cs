using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Storage.StaticSite;

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
        services.AddOptions<StaticSiteOptions>().BindConfiguration(StaticSiteOptions.Section)
            // In Azure the platform names the app's host; its public API is the static pages' one other origin.
            .PostConfigure(o => o.ApiOrigin = o.ApiOrigin is { Length: > 0 } ? o.ApiOrigin
                : configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host ? "https://" + host : "")
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StaticSiteStore>();
        services.AddSingleton<StaticWebAppDeployer>();
        services.AddHttpClient(StaticWebAppDeployer.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(100));
        // Resolved only when a deployment to Static Web Apps runs; tests replace it.
        services.TryAddSingleton<TokenCredential>(_ => AzureCredential.FromConfiguration(configuration));
        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<StorageProvisioner>());
        return services;
    }
}
