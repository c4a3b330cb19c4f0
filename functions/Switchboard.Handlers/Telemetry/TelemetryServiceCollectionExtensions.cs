using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Switchboard.Handlers.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Azure.Core emits spans on ActivitySources named "Azure.*" only when this switch is on (still experimental).</summary>
    public const string AzureSdkActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>
    /// Traces and metrics for both hosts: Switchboard's own spans and counters, ASP.NET Core, HttpClient and the Azure
    /// SDK, exported as <see cref="TelemetryOptions"/> says. Returns the builder so that a host can add its own parts
    /// (the Functions app adds the worker's defaults).
    /// </summary>
    public static IOpenTelemetryBuilder AddSwitchboardTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        AppContext.SetSwitch(AzureSdkActivitySourceSwitch, true);
        services.AddMetrics();
        services.TryAddSingleton<SwitchboardMetrics>();

        var options = new TelemetryOptions(
            configuration[TelemetryOptions.ApplicationInsightsConnectionStringKey],
            configuration[TelemetryOptions.ApplicationInsightsAuthenticationKey],
            configuration[TelemetryOptions.OtlpEndpointKey],
            configuration.GetValue<bool>(TelemetryOptions.ConsoleKey));

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(SwitchboardTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SwitchboardTelemetry.Name)
                    .AddSource("Azure.*")
                    .AddAspNetCoreInstrumentation()
                    // A storage call already has the Azure SDK's own HTTP span; a second one from HttpClient only adds cost.
                    .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = _ => Activity.Current?.Source.Name != "Azure.Core.Http");
                if (options.Exporter == TelemetryExporter.Console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            // Only Switchboard's counters: request durations are in the spans, and every exported metric is billed.
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SwitchboardTelemetry.Name);
                if (options.Exporter == TelemetryExporter.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        switch (options.Exporter)
        {
            case TelemetryExporter.AzureMonitor:
                telemetry.UseAzureMonitorExporter(azureMonitor =>
                {
                    azureMonitor.ConnectionString = options.ApplicationInsightsConnectionString;
                    // Application Insights with local authentication disabled (infra/app/monitoring.bicep) takes Entra ID tokens only.
                    if (options.UsesEntraId(out var clientId))
                    {
                        azureMonitor.Credential = clientId is null
                            ? new DefaultAzureCredential()
                            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                    }
                });
                break;
            case TelemetryExporter.Otlp:
                // Reads OTEL_EXPORTER_OTLP_ENDPOINT (and the other OTEL_EXPORTER_OTLP_* settings) from configuration.
                telemetry.UseOtlpExporter();
                break;
        }
        return telemetry;
    }
}
