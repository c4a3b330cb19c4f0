using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Switchboard.Core.Inbound;
using Switchboard.Core.Status;
using Switchboard.Handlers.Mail;
using Switchboard.Storage;

namespace Switchboard.Handlers.Status.Subscribers;

/// <summary>
/// The words subscribers get: the confirmation mail, each notification mail — with a one-click unsubscribe link in
/// its text and in <c>List-Unsubscribe</c> / <c>List-Unsubscribe-Post</c> (RFC 8058; Gmail and Yahoo expect them of
/// bulk senders) — and the webhook bodies.
/// </summary>
public sealed class SubscriberMessages(SubscriberLinks links, IOptions<StatusPageOptions> page, Mailboxes mailboxes)
{
    private string PageName => page.Value.Name;

    private string From => $"\"{PageName}\" <{mailboxes.Default}>";

    public OutgoingEmail Confirmation(StatusSubscriber subscriber)
    {
        var url = links.ConfirmUrl(subscriber.Id);
        var what = Scope(subscriber.PendingComponents ?? subscriber.Components);
        var text = $"Please confirm that you want {PageName} updates by email ({what}):\n\n{url}\n\n" +
            "If you did not ask for this, ignore this mail: nothing is sent until you confirm.\n";
        var html = $"<p>Please confirm that you want {E(PageName)} updates by email ({E(what)}).</p>" +
            $"<p><a href=\"{E(url)}\">Confirm my subscription</a></p><p><small>If you did not ask for this, ignore this mail: nothing is sent until you confirm.</small></p>";
        return new OutgoingEmail(From, [subscriber.Address], $"Confirm your subscription to {PageName}", text, html,
            new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" });
    }

    public OutgoingEmail Notification(StatusNotice notice, StatusSubscriber subscriber)
    {
        var unsubscribe = links.UnsubscribeUrl(subscriber.Id);
        var heading = Heading(notice);
        var text = new StringBuilder().AppendLine(heading).AppendLine()
            .AppendLine(notice.Message).AppendLine();
        var html = new StringBuilder($"<h2>{E(heading)}</h2><p>{E(notice.Message).Replace("\n", "<br>", StringComparison.Ordinal)}</p>");
        if (notice.StartsAt is { } starts && notice.EndsAt is { } ends)
        {
            var window = $"Window: {Time(starts)} to {Time(ends)}";
            text.AppendLine(window).AppendLine();
            html.Append($"<p>{E(window)}</p>");
        }
        if (notice.ComponentNames.Count > 0)
        {
            var affects = "Affects: " + string.Join(", ", notice.ComponentNames);
            text.AppendLine(affects).AppendLine();
            html.Append($"<p>{E(affects)}</p>");
        }
        if (notice.Url is { } url)
        {
            text.AppendLine(url).AppendLine();
            html.Append($"<p><a href=\"{E(url)}\">See the status page</a></p>");
        }
        text.AppendLine("--").AppendLine($"You get this because you subscribed to {PageName} ({Scope(subscriber.Components)}).")
            .AppendLine($"Unsubscribe with one click: {unsubscribe}");
        html.Append($"<hr><p><small>You get this because you subscribed to {E(PageName)} ({E(Scope(subscriber.Components))}). ")
            .Append($"<a href=\"{E(unsubscribe)}\">Unsubscribe</a></small></p>");
        return new OutgoingEmail(From, [subscriber.Address], $"[{PageName}] {heading}", text.ToString(), html.ToString(),
            new Dictionary<string, string>
            {
                ["Auto-Submitted"] = "auto-generated",
                ["Precedence"] = "bulk",
                ["List-Unsubscribe"] = $"<{unsubscribe}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            });
    }

    /// <summary>The body posted to a webhook: the event, the page it is from, and the subscriber's unsubscribe link.</summary>
    public byte[] WebhookBody(StatusNotice notice, StatusSubscriber subscriber) =>
        JsonSerializer.SerializeToUtf8Bytes(new WebhookEvent(notice.EventId, notice.Type, notice.At, new WebhookPage(PageName, NullIfEmpty(page.Value.Url)),
            notice.IncidentId is null ? null : new WebhookIncident(notice.IncidentId, notice.Title, notice.Impact!, notice.Status, notice.Message, notice.ComponentIds, notice.Url),
            notice.MaintenanceId is null ? null : new WebhookMaintenance(notice.MaintenanceId, notice.Title, notice.Status, notice.Message, notice.ComponentIds,
                notice.StartsAt!.Value, notice.EndsAt!.Value),
            links.UnsubscribeUrl(subscriber.Id)), JsonDefaults.Options);

    /// <summary>The confirmation request posted to a new webhook: only its owner learns the secret and the link.</summary>
    public byte[] WebhookConfirmation(StatusSubscriber subscriber, DateTimeOffset now) =>
        JsonSerializer.SerializeToUtf8Bytes(new WebhookConfirmationRequest("confirm-" + subscriber.Id, "subscription.confirm", now,
            new WebhookPage(PageName, NullIfEmpty(page.Value.Url)), links.ConfirmUrl(subscriber.Id), links.WebhookSecret(subscriber.Id),
            subscriber.PendingComponents ?? subscriber.Components), JsonDefaults.Options);

    public static string Heading(StatusNotice notice) => notice.Type switch
    {
        "maintenance.scheduled" => $"Scheduled maintenance: {notice.Title}",
        "maintenance.started" => $"Maintenance in progress: {notice.Title}",
        "maintenance.completed" => $"Maintenance completed: {notice.Title}",
        _ => $"{notice.Title}: {Capitalized(notice.Status)}",
    };

    private static string Scope(IReadOnlyList<string> components) =>
        components.Count == 0 ? "every component" : $"{components.Count.ToString(CultureInfo.InvariantCulture)} chosen component{(components.Count == 1 ? "" : "s")}";

    private static string Capitalized(string status) => status.Length == 0 ? status : char.ToUpperInvariant(status[0]) + status[1..].Replace('_', ' ');

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string value) => value.Length > 0 ? value : null;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

public sealed record WebhookPage(string Name, string? Url);

public sealed record WebhookIncident(string Id, string Title, string Impact, string Status, string Message, IReadOnlyCollection<string> Components, string? Url);

public sealed record WebhookMaintenance(string Id, string Title, string Status, string Message, IReadOnlyCollection<string> Components,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>A notification as a webhook receives it (docs/status.md): <c>id</c> is the same on every retry of one event.</summary>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset CreatedAt, WebhookPage Page, WebhookIncident? Incident,
    WebhookMaintenance? Maintenance, string UnsubscribeUrl);

/// <summary>The first post a webhook receives: POST <c>confirmUrl</c> to start receiving; verify later posts with <c>secret</c>.</summary>
public sealed record WebhookConfirmationRequest(string Id, string Type, DateTimeOffset CreatedAt, WebhookPage Page, string ConfirmUrl, string Secret,
    IReadOnlyList<string> Components);
