using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Switchboard.LocalHost;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Health;

/// <summary>The sample settings, with the secrets ./scripts/run.sh fills in, are a configuration the host starts with.</summary>
public sealed class SampleSettingsTests
{
    [Fact]
    public async Task Host_starts_with_the_sample_settings_and_fresh_secrets()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")));
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        settings["AzureWebJobsStorage"] = (await Azurite.GetAsync()).ConnectionString;
        settings["Storage:NamePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10];
        settings["Inbound:WebhookSecret"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        settings["Auth:BootstrapApiKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "-bootstrap";
        settings["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]);
        await using var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(settings), localSettings: false);

        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var health = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await app.StopAsync();
    }
}
