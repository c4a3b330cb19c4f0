using Switchboard.Core;
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
        QueueMessages.Read<StaticSiteChanged>(message, QueueNames.StaticSiteDeploys, JsonDefaults.Options,
            changed => string.IsNullOrEmpty(changed.Section) ? "section" : null);
        await deployer.DeployAsync(cancellationToken);
    }
}
