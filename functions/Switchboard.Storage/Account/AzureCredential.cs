using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Storage.Account;

/// <summary>
/// The app's Entra ID identity, chosen as the Functions host chooses it for <c>AzureWebJobsStorage</c>: the user-assigned
/// managed identity named by <c>AzureWebJobsStorage__clientId</c>, else DefaultAzureCredential (az login locally).
/// </summary>
public static class AzureCredential
{
    public static TokenCredential FromConfiguration(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.ConnectionName)["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
