using Switchboard.Core;
using Switchboard.Core.StaticSite;
using Switchboard.Storage.Queues;
using Switchboard.Storage.StaticSite;

namespace Switchboard.Handlers.StaticSite;

/// <summary>
/// The one way the knowledge base and the status page publish: the section's files become its current release
/// (<see cref="StaticSiteStore"/>), and, where the site is served by Static Web Apps, a deployment is queued on
/// <c>static-site-deploys</c>. Publishing the same files again does nothing.
/// </summary>
public sealed class SitePublisher(StaticSiteStore store, WorkQueue queue, IOptions<StaticSiteOptions> options)
{
    public Task<SiteRelease> PublishAsync(string section, IReadOnlyCollection<SiteFile> files, CancellationToken cancellationToken = default) =>
        PublishAsync(section, _ => Task.FromResult(files), cancellationToken);

    /// <summary>Renders after the current release is read (see <see cref="StaticSiteStore.PublishAsync(string, Func{CancellationToken, Task{IReadOnlyCollection{SiteFile}}}, CancellationToken)"/>).</summary>
    public async Task<SiteRelease> PublishAsync(string section, Func<CancellationToken, Task<IReadOnlyCollection<SiteFile>>> render,
        CancellationToken cancellationToken = default)
    {
        var current = await store.CurrentAsync(section, cancellationToken);
        var release = await store.PublishAsync(section, render, cancellationToken);
        if (release.Id != current?.Id && options.Value.DeploysToStaticWebApp)
        {
            await queue.SendAsync(QueueNames.StaticSiteDeploys, new StaticSiteChanged(release.Id, section), cancellationToken: cancellationToken);
        }
        return release;
    }
}

/// <summary>Queue <c>static-site-deploys</c>: a section has a new release (<paramref name="ReleaseId"/>, also the message's id).</summary>
public sealed record StaticSiteChanged(string ReleaseId, string Section);
