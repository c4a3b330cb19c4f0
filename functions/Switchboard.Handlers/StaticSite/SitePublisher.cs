using Switchboard.Core;
using Switchboard.Core.StaticSite;
using Switchboard.Storage.Queues;
using Switchboard.Storage.StaticSite;

namespace Switchboard.Handlers.StaticSite;

/// <summary>
/// The one way the knowledge base and the status page publish: the section's files become its current release
/// (<see cref="StaticSiteStore"/>), and, where the site is served by Static Web Apps, a deployment is queued on
/// <c>static-site-deploys</c>. Publishing the same files again does nothing. A publish that loses the switch to
/// another one of the same section renders again on top of the winner's release, up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class SitePublisher(StaticSiteStore store, WorkQueue queue, IOptions<StaticSiteOptions> options)
{
    /// <summary>Tries before a <see cref="SitePublishConflictException"/> reaches the caller (and its queue's retry).</summary>
    public const int MaxAttempts = 10;

    /// <summary>Publishes these files; on a lost switch they are published again over the winner's release.</summary>
    public Task<SiteRelease> PublishAsync(string section, IReadOnlyCollection<SiteFile> files, CancellationToken cancellationToken = default) =>
        PublishAsync(section, _ => Task.FromResult(files), cancellationToken);

    /// <summary>
    /// Renders after the current release is read (see <see cref="StaticSiteStore.PublishAsync(string, Func{CancellationToken, Task{IReadOnlyCollection{SiteFile}}}, CancellationToken)"/>).
    /// Two changes at once (an agent's edit while a scheduled publish or a check's verdict runs) both render; the one
    /// that switches second is refused, and rendering again from storage as it is now includes both changes, where
    /// failing would answer the agent 500 or wait for the queue's visibility timeout.
    /// </summary>
    public async Task<SiteRelease> PublishAsync(string section, Func<CancellationToken, Task<IReadOnlyCollection<SiteFile>>> render,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PublishOnceAsync(section, render, cancellationToken);
            }
            catch (SitePublishConflictException) when (attempt < MaxAttempts)
            {
                // A render that carries its own time (the status page's "updated at") differs from every other, so
                // each concurrent publish must win a switch in turn: a short random pause spreads them out. Real time,
                // not the injected TimeProvider: a fake clock in tests would never let the pause end.
                await Task.Delay(Random.Shared.Next(10, 50 * attempt), cancellationToken);
            }
        }
    }

    private async Task<SiteRelease> PublishOnceAsync(string section, Func<CancellationToken, Task<IReadOnlyCollection<SiteFile>>> render,
        CancellationToken cancellationToken)
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
