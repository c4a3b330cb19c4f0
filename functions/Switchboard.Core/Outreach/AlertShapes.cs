using System.Globalization;
using System.Net.Mail;
using System.Text.Json;

namespace Switchboard.Core.Outreach;

/// <summary>
/// Reads an alert from the JSON that was posted. Three shapes are understood:
/// <list type="bullet">
/// <item><b>generic</b>: <c>{customer: {email?, externalId?, name?}, summary, link?, severity?, dedupKey?, occurredAt?}</c>;</item>
/// <item><b>Sentry issue alert</b> (internal integration, <c>event_alert</c>): <c>{action: "triggered", data: {event: {…}, triggered_rule}}</c>;</item>
/// <item><b>Sentry legacy webhook</b> (the Webhooks plugin): <c>{id, project, message, url, level, event: {…}}</c>.</item>
/// </list>
/// From Sentry the customer is <c>event.user</c> (<c>email</c>, <c>id</c>, <c>username</c>), the summary the event's
/// title, the severity its level and the dedup key its issue. Problems name the generic field they concern.
/// </summary>
public static class AlertShapes
{
    public const int MaxSummary = 300;
    public const int MaxDedupKey = 200;
    public const int MaxLink = 2000;

    public static (ErrorAlert? Alert, string? Problem, string? Field) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, "The alert must be a JSON object.", null);
        }
        if (body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("event", out var integrationEvent) && integrationEvent.ValueKind == JsonValueKind.Object)
        {
            return FromSentry(integrationEvent, issueId: Str(integrationEvent, "issue_id"), link: Str(integrationEvent, "web_url"), source: "sentry");
        }
        if (body.TryGetProperty("event", out var legacyEvent) && legacyEvent.ValueKind == JsonValueKind.Object && body.TryGetProperty("project", out _))
        {
            return FromSentry(legacyEvent, issueId: Str(body, "id"), link: Str(body, "url"), source: "sentry",
                fallbackSummary: Str(body, "message"), fallbackLevel: Str(body, "level"));
        }
        return Generic(body);
    }

    private static (ErrorAlert?, string?, string?) Generic(JsonElement body)
    {
        var customer = body.TryGetProperty("customer", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return Validate(
            customer.ValueKind == JsonValueKind.Object ? Str(customer, "email") : null,
            customer.ValueKind == JsonValueKind.Object ? Str(customer, "externalId") : null,
            customer.ValueKind == JsonValueKind.Object ? Str(customer, "name") : null,
            Str(body, "summary"), Str(body, "link"), Str(body, "severity"), Str(body, "dedupKey"), Str(body, "occurredAt"), "generic");
    }

    private static (ErrorAlert?, string?, string?) FromSentry(
        JsonElement sentryEvent, string? issueId, string? link, string source, string? fallbackSummary = null, string? fallbackLevel = null)
    {
        var user = sentryEvent.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        string? UserField(string name) => user.ValueKind == JsonValueKind.Object ? Str(user, name) : null;
        var summary = Str(sentryEvent, "title") ?? Str(sentryEvent, "message") ?? fallbackSummary;
        var dedup = issueId is { Length: > 0 } ? "sentry-issue-" + issueId : Str(sentryEvent, "event_id") is { } eventId ? "sentry-event-" + eventId : null;
        return Validate(UserField("email"), UserField("id"), UserField("username") ?? UserField("name"), summary,
            link ?? Str(sentryEvent, "web_url"), Str(sentryEvent, "level") ?? fallbackLevel ?? "error", dedup,
            Str(sentryEvent, "datetime") ?? UnixTime(sentryEvent, "timestamp"), source);
    }

    private static (ErrorAlert?, string?, string?) Validate(string? email, string? externalId, string? name, string? summary,
        string? link, string? severityText, string? dedupKey, string? occurredAtText, string source)
    {
        email = email?.Trim();
        externalId = externalId?.Trim();
        if (email is { Length: > 0 } && !IsPlainAddress(email))
        {
            return (null, $"customer.email '{email}' is not an email address.", "customer.email");
        }
        if (email is not { Length: > 0 } && externalId is not { Length: > 0 })
        {
            return (null, "An alert names the affected customer: customer.email or customer.externalId.", "customer");
        }
        if (externalId is { Length: > 200 })
        {
            return (null, "customer.externalId is at most 200 characters.", "customer.externalId");
        }
        summary = summary?.ReplaceLineEndings(" ").Trim();
        if (summary is not { Length: > 0 })
        {
            return (null, "summary is required: what went wrong, in a few words.", "summary");
        }
        if (summary.Length > MaxSummary)
        {
            summary = summary[..(MaxSummary - 1)] + "…";
        }
        if (link is { Length: > 0 } && (link.Length > MaxLink || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            return (null, "link must be an absolute http(s) URL.", "link");
        }
        var severity = AlertSeverity.Error;
        if (severityText is { Length: > 0 } && !AlertSeverities.TryParse(severityText, out severity))
        {
            return (null, $"severity must be {AlertSeverities.Names}.", "severity");
        }
        DateTimeOffset? occurredAt = null;
        if (occurredAtText is { Length: > 0 })
        {
            if (!DateTimeOffset.TryParse(occurredAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (null, "occurredAt must be an ISO 8601 time.", "occurredAt");
            }
            occurredAt = parsed.ToUniversalTime();
        }
        dedupKey = dedupKey?.Trim();
        if (dedupKey is { Length: > MaxDedupKey })
        {
            return (null, $"dedupKey is at most {MaxDedupKey} characters.", "dedupKey");
        }
        dedupKey = dedupKey is { Length: > 0 } ? dedupKey : "summary:" + summary.ToLowerInvariant();
        return (new ErrorAlert(email is { Length: > 0 } ? email : null, externalId is { Length: > 0 } ? externalId : null,
            name?.Trim() is { Length: > 0 } n ? n : null, summary, link is { Length: > 0 } ? link : null, severity, dedupKey, occurredAt, source), null, null);
    }

    /// <summary>Sentry's legacy webhook sends the event's time as Unix seconds.</summary>
    private static string? UnixTime(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
            && seconds is > 0 and < 253_402_300_799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).ToString("O", CultureInfo.InvariantCulture)
            : Str(element, name);

    private static bool IsPlainAddress(string email) =>
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0;

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
