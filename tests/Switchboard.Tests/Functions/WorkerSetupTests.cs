using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Switchboard.Functions;
using Switchboard.LocalHost;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Functions;

/// <summary>The Functions worker's own service configuration (Program.cs), built without starting the worker.</summary>
public sealed class WorkerSetupTests
{
    [Fact]
    public void Worker_writes_its_warnings_to_the_console_the_Functions_host_relays()
    {
        using var services = WorkerServices();

        var console = services.GetServices<ILoggerProvider>().OfType<ConsoleLoggerProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.Handlers.Inbound.ProcessInboundEmail");

        Assert.Single(console);
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void Worker_and_local_host_take_their_request_body_limit_from_the_same_settings()
    {
        var settings = new Dictionary<string, string?> { ["Inbound:MaxMessageBytes"] = (40L * 1024 * 1024).ToString() };
        using var worker = WorkerServices(settings);
        using var local = LocalHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(
            TestHost.RequiredSettings("UseDevelopmentStorage=true")).AddInMemoryCollection(settings), localSettings: false);

        var workerLimit = worker.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;
        var localLimit = local.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;

        Assert.True(workerLimit >= 40L * 1024 * 1024, $"the worker's Kestrel refuses bodies over {workerLimit} bytes");
        Assert.Equal(workerLimit, localLimit);
    }

    private static ServiceProvider WorkerServices(Dictionary<string, string?>? settings = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(TestHost.RequiredSettings("UseDevelopmentStorage=true"));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddSwitchboardWorker();
        return builder.Services.BuildServiceProvider();
    }
}
