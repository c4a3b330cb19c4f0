using System.Net;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// The demo's status page, each part created only when missing (by name or title): components in two groups, two
/// update templates, an incident last week resolved with three updates and a post-mortem, maintenance the day after
/// tomorrow, and an uptime check of the host's own health endpoint when <c>StatusChecks:AllowLocalTargets</c> lets
/// it (the API refuses a loopback target otherwise, and the demo goes on without one).
/// </summary>
public sealed class DemoStatusPage(DemoApi api, TimeProvider time)
{
    public const string IncidentTitle = "Delayed email notifications";
    public const string MaintenanceTitle = "Database upgrade";

    private static readonly (string Name, string Group, string Description)[] Components =
    [
        ("Agent app", "Platform", "The help desk agents work in."),
        ("API", "Platform", "Integrations and the error-alert endpoint."),
        ("Email delivery", "Platform", "Replies and notifications leaving Switchboard."),
        ("Knowledge base", "Public site", "Help articles and the contact form."),
    ];

    private static readonly (string Name, string Title, string Status, string Message)[] Templates =
    [
        ("Investigating", "Elevated error rates", "investigating", "We are investigating reports of errors and will post an update within 30 minutes."),
        ("Resolved", "Elevated error rates", "resolved", "The issue is resolved and everything is working normally. Thank you for your patience."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var components = await ComponentsAsync(cancellationToken);
        await TemplatesAsync(cancellationToken);
        await IncidentAsync(components["Email delivery"], cancellationToken);
        await MaintenanceAsync(components["Agent app"], cancellationToken);
        await CheckAsync(components["API"], cancellationToken);
    }

    private async Task<Dictionary<string, string>> ComponentsAsync(CancellationToken cancellationToken)
    {
        var ids = await ListAsync("/api/status/components", "name", cancellationToken);
        foreach (var (name, group, description) in Components.Where(c => !ids.ContainsKey(c.Name)))
        {
            var (_, created) = await api.AdminAsync(HttpMethod.Post, "/api/status/components", new { name, group, description }, cancellationToken);
            ids[name] = created.GetProperty("id").GetString()!;
        }
        return ids;
    }

    private async Task TemplatesAsync(CancellationToken cancellationToken)
    {
        var existing = await ListAsync("/api/status/templates", "name", cancellationToken);
        foreach (var (name, title, status, message) in Templates.Where(t => !existing.ContainsKey(t.Name)))
        {
            await api.AdminAsync(HttpMethod.Post, "/api/status/templates", new { name, title, status, message }, cancellationToken);
        }
    }

    private async Task IncidentAsync(string emailDelivery, CancellationToken cancellationToken)
    {
        if ((await ListAsync("/api/status/incidents", "title", cancellationToken)).ContainsKey(IncidentTitle))
        {
            return;
        }
        // Recorded now, worded as last week's: the API stamps updates with the time they are posted.
        var (_, incident) = await api.AdminAsync(HttpMethod.Post, "/api/status/incidents", new
        {
            title = IncidentTitle, impact = "minor", status = "investigating", notify = false,
            message = "New-conversation notifications to agents are arriving up to 20 minutes late. Customer replies are not affected.",
            components = new[] { new { id = emailDelivery, state = "degraded_performance" } },
        }, cancellationToken);
        var path = $"/api/status/incidents/{incident.GetProperty("id").GetString()}";
        await api.AdminAsync(HttpMethod.Post, path + "/updates", new
        {
            status = "identified", notify = false,
            message = "Our email provider is throttling one sending domain. We have moved notifications to a second domain.",
        }, cancellationToken);
        await api.AdminAsync(HttpMethod.Post, path + "/updates", new
        {
            status = "resolved", notify = false, message = "Notifications are on time again and the backlog has been delivered.",
        }, cancellationToken);
        await api.AdminAsync(HttpMethod.Put, path + "/postmortem", new
        {
            text = "A burst of bounce notifications lowered one sending domain's reputation, and the provider slowed it down.\n\n" +
                   "We now send agent notifications and customer replies from separate domains and alert on provider throttling.",
        }, cancellationToken);
    }

    private async Task MaintenanceAsync(string agentApp, CancellationToken cancellationToken)
    {
        var (_, list) = await api.AdminAsync(HttpMethod.Get, "/api/status/maintenances", cancellationToken: cancellationToken);
        if (list.GetProperty("items").EnumerateArray().Any(m => m.GetProperty("title").GetString() == MaintenanceTitle && m.GetProperty("status").GetString() != "completed"))
        {
            return;
        }
        var now = time.GetUtcNow();
        var startsAt = new DateTimeOffset(now.UtcDateTime.Date.AddDays(2).AddHours(6), TimeSpan.Zero);
        await api.AdminAsync(HttpMethod.Post, "/api/status/maintenances", new
        {
            title = MaintenanceTitle, components = new[] { agentApp }, startsAt, endsAt = startsAt.AddMinutes(45),
            message = "The agent app may be slow or briefly unavailable while we upgrade its database. Email keeps arriving and nothing is lost.",
        }, cancellationToken);
    }

    private async Task CheckAsync(string componentId, CancellationToken cancellationToken)
    {
        var (_, checks) = await api.AdminAsync(HttpMethod.Get, "/api/status/checks", cancellationToken: cancellationToken);
        if (checks.GetProperty("items").GetArrayLength() > 0)
        {
            return;
        }
        var url = new Uri(api.BaseAddress, "/api/health").ToString();
        await api.AdminAsync(HttpMethod.Post, "/api/status/checks", new { componentId, url, intervalMinutes = 5, openIncident = false },
            cancellationToken, HttpStatusCode.BadRequest);
    }

    /// <summary>The ids of a list's items by the given text property.</summary>
    private async Task<Dictionary<string, string>> ListAsync(string path, string key, CancellationToken cancellationToken)
    {
        var (_, list) = await api.AdminAsync(HttpMethod.Get, path, cancellationToken: cancellationToken);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            result.TryAdd(item.GetProperty(key).GetString()!, item.GetProperty("id").GetString()!);
        }
        return result;
    }
}
