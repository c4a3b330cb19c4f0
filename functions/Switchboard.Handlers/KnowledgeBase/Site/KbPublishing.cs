using Microsoft.Extensions.Logging;
using Switchboard.Core;
using Switchboard.Core.StaticSite;
using Switchboard.Handlers.StaticSite;
using Switchboard.Storage;
using Switchboard.Storage.KnowledgeBase;
using Switchboard.Storage.Queues;

namespace Switchboard.Handlers.KnowledgeBase.Site;

/// <summary>
/// Queue <c>kb-publishes</c>: publish the site. <paramref name="Generation"/> is the change that asked for it;
/// <paramref name="DueAt"/> is when it was meant to run (the row's <c>ScheduledFor</c> while it is the one in flight).
/// </summary>
public sealed record KbPublishRequested(string Id, long Generation, DateTimeOffset DueAt);

/// <summary>
/// Asks for the site to be published after a change to what it shows. A burst of edits is published together: the
/// first edit queues one message hidden for <see cref="KnowledgeBaseOptions.PublishDelay"/>, the edits after it only
/// raise the generation (<see cref="KbSiteStateEntity"/>), and the message publishes everything saved by the time it runs.
/// </summary>
public sealed class KbPublishRequests(KbSiteStateStore state, WorkQueue queue, IOptions<KnowledgeBaseOptions> options, TimeProvider time)
{
    /// <summary>A message still marked as in flight this long after it was due was lost (or keeps failing): queue another.</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(5);

    public async Task RequestAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = now + options.Value.PublishDelay;
        var schedule = false;
        var written = await state.UpdateAsync(s =>
        {
            s.Requested++;
            schedule = s.ScheduledFor is not { } pending || pending + LostAfter < now;
            if (schedule)
            {
                s.ScheduledFor = due;
            }
        }, cancellationToken);
        if (schedule)
        {
            // Sent after the row says so: should this send fail, the next edit finds the row stale (LostAfter) and sends again.
            await queue.SendAsync(QueueNames.KbPublishes, new KbPublishRequested($"p{Guid.NewGuid():N}", written.Requested, due),
                options.Value.PublishDelay, cancellationToken);
        }
    }
}

/// <summary>
/// Handles <c>kb-publishes</c>: renders the whole public site from the tables and makes it the <c>kb</c> section's
/// release through <see cref="SitePublisher"/> (unchanged files are not written again; the switch is one manifest
/// write, so a publish that fails half-way leaves the previous release served, and the queue retries it). A message
/// that finds everything published does nothing, so duplicates are harmless.
/// </summary>
public sealed partial class PublishKnowledgeBase(
    KbSiteStateStore state, KbSiteModel model, SitePublisher publisher, ArticleFileStore uploads, TimeProvider time, ILogger<PublishKnowledgeBase> logger)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        var request = QueueMessages.Read<KbPublishRequested>(message, QueueNames.KbPublishes, JsonDefaults.Options,
            r => string.IsNullOrEmpty(r.Id) ? "id" : null);
        // From here on, a new edit queues a new message: this run may already have read past it.
        var claimed = await state.UpdateAsync(s =>
        {
            if (s.ScheduledFor is { } pending && (pending == request.DueAt || pending <= time.GetUtcNow()))
            {
                s.ScheduledFor = null;
            }
        }, cancellationToken);
        if (claimed.Published >= claimed.Requested)
        {
            return;
        }
        var generation = claimed.Requested;
        Storage.StaticSite.SiteRelease release;
        try
        {
            release = await PublishAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The agents' publish status shows it; the queue retries the message (then kb-publishes-poison).
            await state.UpdateAsync(s => (s.LastError, s.LastFailedAt) = (e.Message[..Math.Min(e.Message.Length, 500)], time.GetUtcNow()), cancellationToken);
            throw;
        }
        await state.UpdateAsync(s =>
        {
            s.Published = Math.Max(s.Published, generation);
            s.Publishes++;
            s.LastPublishedAt = time.GetUtcNow();
            s.LastReleaseId = release.Id;
            s.LastError = null;
        }, cancellationToken);
        LogPublished(generation, release.Id, release.Files, release.Uploaded);
    }

    /// <summary>Renders and publishes the site as the tables hold it now.</summary>
    public Task<Storage.StaticSite.SiteRelease> PublishAsync(CancellationToken cancellationToken = default) =>
        publisher.PublishAsync(SiteSections.KnowledgeBase, RenderAsync, cancellationToken);

    private async Task<IReadOnlyCollection<SiteFile>> RenderAsync(CancellationToken cancellationToken)
    {
        var snapshot = await model.LoadAsync(cancellationToken);
        var files = KbSiteFiles.Render(snapshot);
        foreach (var path in snapshot.Files)
        {
            // A file deleted from storage leaves a broken image, not a site that cannot publish.
            if (await uploads.ReadAsync(path, cancellationToken) is { } upload)
            {
                files.Add(new SiteFile($"files/{path}", upload.ContentType, upload.Content.ToMemory()));
            }
        }
        return files;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published the knowledge base up to change {Generation}: release {ReleaseId}, {Files} files, {Uploaded} uploaded.")]
    private partial void LogPublished(long generation, string releaseId, int files, int uploaded);
}
