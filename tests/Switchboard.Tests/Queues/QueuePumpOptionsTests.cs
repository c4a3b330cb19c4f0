using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.LocalHost.Queues;

namespace Switchboard.Tests.Queues;

public sealed class QueuePumpOptionsTests
{
    private static QueuePumpOptions Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddQueuePump();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<QueuePumpOptions>>().Value;
    }

    [Fact]
    public void Absent_settings_take_the_Functions_defaults()
    {
        var options = Read([]);

        Assert.Equal(16, options.BatchSize);
        Assert.Equal(8, options.EffectiveNewBatchThreshold);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxPollingInterval);
        Assert.Equal(TimeSpan.Zero, options.VisibilityTimeout);
        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal("base64", options.MessageEncoding);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ReceiveVisibility);
    }

    [Fact]
    public void Host_json_settings_are_read_with_their_timespans()
    {
        var options = Read(new()
        {
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "10",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:05",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:30",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
        });

        Assert.Equal(10, options.BatchSize);
        Assert.Equal(5, options.EffectiveNewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.VisibilityTimeout);
        Assert.Equal(3, options.MaxDequeueCount);
    }

    [Fact]
    public void Batch_size_over_32_is_rejected_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Read(new() { ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "64" }));

        Assert.Contains("queues:batchSize", error.Message);
    }
}
