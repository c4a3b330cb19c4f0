using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Handlers.Team;
using Switchboard.LocalHost;
using Switchboard.Storage.Account;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// The real local host on a free loopback port, over the shared Azurite, with its own storage name prefix so the test
/// sees only its own tables, queues and containers. Dispose it to stop the host.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, string prefix, FakeTimeProvider? time)
    {
        App = app;
        Prefix = prefix;
        Time = time;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public const string WebhookSecret = "test-webhook-secret-0123456789";
    public const string ApiKey = "test-api-key-0123456789abcdef";
    public const string FirstAdminEmail = "admin@acme.test";

    public WebApplication App { get; }
    public string Prefix { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    /// <summary>Set when the host was started with <c>fakeTime: true</c>.</summary>
    public FakeTimeProvider? Time { get; }

    public IServiceProvider Services => App.Services;
    public StorageAccount Storage => Services.GetRequiredService<StorageAccount>();

    /// <param name="settings">Extra settings, e.g. host.json overrides under <c>AzureFunctionsJobHost:extensions:queues:…</c>.</param>
    /// <param name="services">Replace or add services before the host is built.</param>
    /// <param name="queuePump">False to leave queued messages for the test to process (see InboundDriver), in an order it chooses.</param>
    /// <param name="fakeTime">Drive time with a <see cref="FakeTimeProvider"/> (start: 2026-03-02 09:00 UTC).</param>
    /// <param name="prefix">Reuse the storage of an earlier host (its <see cref="Prefix"/>), as a restart would.</param>
    public static async Task<TestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool fakeTime = false,
        string? connectionString = null,
        bool queuePump = true,
        string? prefix = null)
    {
        // With the shared Azurite, tests start once the tables, queues and containers exist, as a running system would be.
        var waitForStorage = connectionString is null;
        connectionString ??= (await Azurite.GetAsync()).ConnectionString;
        prefix ??= "t" + Guid.NewGuid().ToString("N")[..10];
        var time = fakeTime ? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)) : null;
        var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(RequiredSettings(connectionString, prefix));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LocalHost:Queues:Enabled"] = queuePump ? "true" : "false",
                ["Auth:FirstAdminEmail"] = FirstAdminEmail,
            });
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            if (time is not null) builder.Services.AddSingleton<TimeProvider>(time);
            services?.Invoke(builder.Services);
        }, localSettings: false);
        await app.StartAsync();
        if (waitForStorage)
        {
            await app.Services.GetRequiredService<StorageProvisioner>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
            await app.Services.GetRequiredService<FirstAdminSeeder>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        }
        return new TestHost(app, prefix, time);
    }

    /// <summary>Every setting the host refuses to start without, with test values.</summary>
    public static Dictionary<string, string?> RequiredSettings(string connectionString, string prefix = "") => new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["Storage:NamePrefix"] = prefix,
        ["Mail:Mailboxes:0"] = "support@acme.test",
        ["Mail:Mailboxes:1"] = "billing@acme.test",
        ["Mail:MessageIdDomain"] = "mail.acme.test",
        ["Inbound:WebhookSecret"] = WebhookSecret,
        ["Auth:BootstrapApiKey"] = ApiKey,
        ["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
