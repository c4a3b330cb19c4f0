namespace Switchboard.Core.Outreach;

/// <summary>
/// An error the startup's own product reported about one customer (<c>POST /api/alerts</c>), whatever shape it came in
/// (<see cref="AlertShapes"/>). <see cref="DedupKey"/> names the error for that customer: the same key again counts as
/// the same error. <see cref="Link"/> is for the team (an issue in the error tracker), never put in the customer's mail.
/// </summary>
public sealed record ErrorAlert(
    string? CustomerEmail,
    string? CustomerExternalId,
    string? CustomerName,
    string Summary,
    string? Link,
    AlertSeverity Severity,
    string DedupKey,
    DateTimeOffset? OccurredAt,
    string Source);

/// <summary>How bad an alert is; Sentry's <c>fatal</c> and the generic <c>critical</c> are the same level.</summary>
public enum AlertSeverity
{
    Debug,
    Info,
    Warning,
    Error,
    Critical,
}

public static class AlertSeverities
{
    public const string Names = "debug, info, warning, error or critical (fatal)";

    public static bool TryParse(string? text, out AlertSeverity severity)
    {
        severity = (text?.Trim().ToLowerInvariant()) switch
        {
            "debug" => AlertSeverity.Debug,
            "info" or "information" or "log" => AlertSeverity.Info,
            "warning" or "warn" => AlertSeverity.Warning,
            "error" => AlertSeverity.Error,
            "critical" or "fatal" => AlertSeverity.Critical,
            _ => (AlertSeverity)(-1),
        };
        return Enum.IsDefined(severity);
    }

    public static string ToWire(this AlertSeverity severity) => severity.ToString().ToLowerInvariant();
}
