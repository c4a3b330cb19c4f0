using Switchboard.Core;
using Switchboard.Handlers.StaticSite;

namespace Switchboard.Functions.StaticSite;

/// <summary>
/// The public static site's deployments. Its pages are not functions: in Azure, Static Web Apps serves them (no
/// execution per view); locally the host serves the same releases under /kb/ and /status/ (LocalHostApp).
/// </summary>
public sealed class StaticSiteFunctions(PoisonQueue poisonQueue, DeployStaticSite deployStaticSite)
{
    [Function(nameof(DeployStaticSite))]
    public Task DeployStaticSite([QueueTrigger(QueueNames.StaticSiteDeploys)] string message, CancellationToken cancellationToken) =>
        poisonQueue.RunAsync(QueueNames.StaticSiteDeploys, message, deployStaticSite.HandleAsync, cancellationToken);
}
