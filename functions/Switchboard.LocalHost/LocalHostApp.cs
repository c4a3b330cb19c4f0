using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;
using Switchboard.Handlers;
using Switchboard.LocalHost.Configuration;
using Switchboard.LocalHost.Demo;
using Switchboard.LocalHost.Queues;
using Switchboard.LocalHost.Timers;

namespace Switchboard.LocalHost;

/// <summary>
/// Builds the local host: the same handlers as the Functions app behind a minimal API, plus the built web app,
/// the OpenAPI document and its reference page.
/// </summary>
public static class LocalHostApp
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Lets tests add settings and replace services (e.g. a FakeTimeProvider) before the build.</param>
    /// <param name="localSettings">
    /// Read the developer's <c>local.settings.json</c>. Tests and benchmarks say no: they bring every setting they need,
    /// and must not change behaviour because someone ran <c>scripts/run.sh</c> in the same checkout first.
    /// </param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, bool localSettings = true)
    {
        // --demo is a switch, not a setting: taken out before the command line becomes configuration.
        var demo = args.Contains(DemoSeeding.Argument);
        args = [.. args.Where(a => a != DemoSeeding.Argument)];
        var root = FunctionsStyleConfiguration.FindRepositoryRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root ?? AppContext.BaseDirectory });
        builder.Configuration.AddFunctionsStyleSources(root, localSettings);
        // Lowest precedence: the local host lets someone at this machine read the mail sink before signing in
        // (DevMailAccess checks the connection and Host are loopback). The Functions app never sets it.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["LocalHost:DevMailView"] = "true" },
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // Webhook handlers enforce their own, configurable limit and answer 413 themselves.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);

        // Request-by-request logs drown the start-up banner and our own logs; failures still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSwitchboard(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddSchemaTransformer<WireFormatSchemas>());
        builder.Services.AddHostedService<StartupBanner>();
        if (demo)
        {
            builder.Services.AddSingleton<DemoSeeding>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoSeeding>());
        }
        configure?.Invoke(builder);
        if (builder.Configuration.GetValue("LocalHost:Queues:Enabled", defaultValue: true))
        {
            builder.Services.AddQueuePump();
        }
        builder.Services.AddTimers();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var webRoot = WebRoot(app.Configuration, root);
        if (webRoot is not null)
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            // Routing after the files: a file that exists is served before the fallback below can claim its path.
            app.UseRouting();
            // The app routes real paths (/conversations/{id}): any other non-API path gets its page, index.html.
            app.MapFallbackToFile("{*path:regex(^(?!api/).*$)}", "index.html", new StaticFileOptions { FileProvider = files });
        }
        else
        {
            app.MapGet("/", () => Results.Text(
                "The web app is not built yet. Run ./scripts/run.sh (or: npm --prefix web ci && npm --prefix web run build).",
                statusCode: StatusCodes.Status503ServiceUnavailable)).ExcludeFromDescription();
        }

        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference");
        app.MapSwitchboardApi();
        return app;
    }

    private static string? WebRoot(IConfiguration configuration, string? repositoryRoot)
    {
        var configured = configuration["LocalHost:WebRoot"];
        var candidate = configured is { Length: > 0 } ? configured
            : repositoryRoot is null ? null : Path.Combine(repositoryRoot, "web", "dist");
        return candidate is not null && File.Exists(Path.Combine(candidate, "index.html")) ? candidate : null;
    }
}
