using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Handlers;

namespace Switchboard.Functions;

/// <summary>The worker's services: everything <see cref="SwitchboardServiceCollectionExtensions.AddSwitchboard"/> registers for both hosts, plus the worker's own telemetry and logging.</summary>
public static class WorkerSetup
{
    public static FunctionsApplicationBuilder AddSwitchboardWorker(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        // Includes the request body limit, the same for the worker's Kestrel as for the local host's.
        builder.Services.AddSwitchboard(builder.Configuration);
        // AddSwitchboard set up the exporters; this adds the worker's invocation spans and stops the host sending them
        // as well. It also makes the worker stop relaying ILogger output to the host over gRPC (the host expects our
        // exporters to carry it), so with no exporter configured nothing we log would be seen. The console logger
        // restores that: the Functions host reads the worker's standard output into its own logs (Log Stream,
        // Application Insights through the host), so warnings and errors always reach the operator.
        builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        return builder;
    }
}
