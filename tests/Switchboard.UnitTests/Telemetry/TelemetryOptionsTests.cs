using Switchboard.Handlers.Telemetry;

namespace Switchboard.UnitTests.Telemetry;

public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("InstrumentationKey=x", "http://localhost:4317", true, TelemetryExporter.AzureMonitor)]
    [InlineData("", "http://localhost:4317", true, TelemetryExporter.Otlp)]
    [InlineData(null, null, true, TelemetryExporter.Console)]
    [InlineData(null, " ", false, TelemetryExporter.None)]
    public void Application_Insights_wins_then_OTLP_then_the_console_on_request(string? connectionString, string? otlp, bool console, TelemetryExporter expected) =>
        Assert.Equal(expected, new TelemetryOptions(connectionString, null, otlp, console).Exporter);

    [Theory]
    [InlineData("ClientId=1234;Authorization=AAD", true, "1234")]
    [InlineData("Authorization=AAD", true, null)]
    [InlineData(" authorization = aad ; clientid = abcd ", true, "abcd")]
    [InlineData("", false, null)]
    [InlineData(null, false, null)]
    public void Authentication_string_selects_Entra_ID_and_the_user_assigned_identity(string? authentication, bool entraId, string? clientId)
    {
        var options = new TelemetryOptions("InstrumentationKey=x", authentication, null, false);

        Assert.Equal(entraId, options.UsesEntraId(out var actualClientId));
        Assert.Equal(clientId, actualClientId);
    }
}
