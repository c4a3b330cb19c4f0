using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Switchboard.Handlers.Telemetry;

namespace Switchboard.Tests.Telemetry;

public sealed class TelemetryRegistrationTests
{
    [Theory]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9")]
    [InlineData("Telemetry:Console", "true")]
    public void Each_exporter_choice_builds_its_tracer_and_meter_providers(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [key] = value,
                ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSwitchboardTelemetry(configuration);

        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }
}
