using System.Text.Json;
using Switchboard.Storage;
using Switchboard.Storage.StaticSite;

namespace Switchboard.Handlers.StaticSite;

/// <summary>
/// Queue <c>static-site-deploys</c>: copies the current releases to Static Web Apps. Several messages for one burst of
/// publishes deploy once (the first sees every release; the rest find them live). While another deployment holds the
/// lease this throws, and the message comes back after the visibility timeout.
/// </summary>
public sealed class DeployStaticSite(StaticWebAppDeployer deployer)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        _ = JsonSerializer.Deserialize<StaticSiteChanged>(message, JsonDefaults.Options)
            ?? throw new JsonException("A static-site-deploys message must be a StaticSiteChanged object.");
        await deployer.DeployAsync(cancellationToken);
    }
}
