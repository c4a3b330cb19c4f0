using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.LocalHost;
using Switchboard.Storage.Account;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Benchmarks;

/// <summary>
/// The local host as every benchmark runs it: over Azurite, on a free port, one mailbox, fresh secrets, warnings only.
/// <paramref name="Http"/> talks to it with the bootstrap API key.
/// </summary>
internal sealed record BenchHost(WebApplication App, HttpClient Http, string WebhookSecret) : IAsyncDisposable
{
    /// <param name="settings">What the benchmark sets on top (queue pump on or off, escalation timings…).</param>
    /// <param name="services">Hooks of its own (counting storage calls, recording sent mail).</param>
    public static async Task<BenchHost> StartAsync(
        Azurite azurite, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> services)
    {
        var webhookSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var apiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Mail:Mailboxes:0"] = "support@acme.test",
                ["Mail:MessageIdDomain"] = "mail.acme.test",
                ["Inbound:WebhookSecret"] = webhookSecret,
                ["Auth:BootstrapApiKey"] = apiKey,
                ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Configuration.AddInMemoryCollection(settings);
            services(builder.Services);
        }, localSettings: false);
        await app.StartAsync();
        await app.Services.GetRequiredService<StorageProvisioner>().Ready.WaitAsync(TimeSpan.FromSeconds(60));

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return new BenchHost(app, http, webhookSecret);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
