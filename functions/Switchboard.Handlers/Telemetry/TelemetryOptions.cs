namespace Switchboard.Handlers.Telemetry;

/// <summary>
/// Where telemetry goes, read once at start-up from the settings the platforms already use: an Application Insights
/// connection string wins, then an OTLP endpoint, then (locally, on request) the console. With none, spans and
/// metrics are still made but not exported.
/// </summary>
public sealed record TelemetryOptions(string? ApplicationInsightsConnectionString, string? ApplicationInsightsAuthentication, string? OtlpEndpoint, bool Console)
{
    public const string ApplicationInsightsConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthenticationKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ConsoleKey = "Telemetry:Console";

    public TelemetryExporter Exporter =>
        !string.IsNullOrWhiteSpace(ApplicationInsightsConnectionString) ? TelemetryExporter.AzureMonitor
        : !string.IsNullOrWhiteSpace(OtlpEndpoint) ? TelemetryExporter.Otlp
        : Console ? TelemetryExporter.Console
        : TelemetryExporter.None;

    /// <summary>
    /// The client ID in an authentication string such as <c>Authorization=AAD;ClientId=…</c> (the Functions host's
    /// format), or null when it asks for Entra ID without naming a user-assigned identity.
    /// </summary>
    public bool UsesEntraId(out string? clientId)
    {
        clientId = null;
        var usesEntraId = false;
        foreach (var part in (ApplicationInsightsAuthentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = part.Split('=', 2) is [var k, var v] ? (k.Trim(), v.Trim()) : (part, "");
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                usesEntraId = value.Equals("AAD", StringComparison.OrdinalIgnoreCase);
            }
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                clientId = value;
            }
        }
        return usesEntraId;
    }
}

public enum TelemetryExporter
{
    None,
    AzureMonitor,
    Otlp,
    Console,
}
