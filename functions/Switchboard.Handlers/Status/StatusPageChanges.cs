using Switchboard.Core.StaticSite;
using Switchboard.Core.Status;
using Switchboard.Handlers.StaticSite;
using Switchboard.Handlers.Status.Site;
using Switchboard.Handlers.Status.Subscribers;

namespace Switchboard.Handlers.Status;

/// <summary>
/// What follows every change to the status page: the whole <c>status</c> section is rendered again from storage and
/// published through <see cref="SitePublisher"/> (unchanged files are not rewritten), so the static copy customers
/// read always matches the tables. Subscribers are told first (<see cref="StatusNotifier"/>: an update marked notify,
/// every maintenance stage), so a failed publish does not lose the notification.
/// </summary>
public sealed class StatusPageChanges(StatusPageModel model, SitePublisher publisher, StatusNotifier notifier)
{
    public async Task IncidentChangedAsync(Incident incident, IncidentUpdate update, CancellationToken cancellationToken = default)
    {
        await notifier.IncidentAsync(incident, update, cancellationToken);
        await PublishAsync(cancellationToken);
    }

    public async Task MaintenanceChangedAsync(Maintenance maintenance, CancellationToken cancellationToken = default)
    {
        await notifier.MaintenanceAsync(maintenance, cancellationToken);
        await PublishAsync(cancellationToken);
    }

    /// <summary>Renders the section from the tables as they are now (again, should another change switch first).</summary>
    public Task PublishAsync(CancellationToken cancellationToken = default) =>
        publisher.PublishAsync(SiteSections.Status, async ct => Render(await model.LoadAsync(ct)), cancellationToken);

    public static IReadOnlyList<SiteFile> Render(StatusSnapshot snapshot)
    {
        const string html = "text/html; charset=utf-8";
        var files = new List<SiteFile>
        {
            new("index.html", html, StatusHtml.Index(snapshot)),
            new("404.html", html, StatusHtml.NotFound(snapshot)),
            new("status.json", "application/json; charset=utf-8", StatusJson.Render(snapshot)),
            new("feed.atom", "application/atom+xml; charset=utf-8", StatusAtomFeed.Render(snapshot)),
            new("style.css", "text/css; charset=utf-8", StatusAssets.Style),
            new("widget.js", "text/javascript; charset=utf-8", StatusAssets.Widget),
        };
        files.AddRange(snapshot.Incidents.Select(i => new SiteFile($"incidents/{i.Id}/index.html", html, StatusHtml.IncidentPage(snapshot, i))));
        return files;
    }
}
