using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Configuration.Memory;
using Scalar.AspNetCore;
using Switchboard.Core.StaticSite;
using Switchboard.Handlers;
using Switchboard.Handlers.Security;
using Switchboard.Handlers.StaticSite;
using Switchboard.Handlers.WebApp;
using Switchboard.LocalHost.Configuration;
using Switchboard.LocalHost.Demo;
using Switchboard.LocalHost.Functions;
using Switchboard.LocalHost.Queues;
using Switchboard.LocalHost.Timers;

namespace Switchboard.LocalHost;

/// <summary>
/// Builds the local host: the Functions app's own functions (HTTP routes, queue triggers, timers, discovered in its
/// assembly and invoked as the worker invokes them), plus the OpenAPI document and its reference page.
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
        // The agent app is served from the repository's web/dist by default (the Functions app: wwwroot beside it).
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["LocalHost:DevMailView"] = "true",
                [$"{WebAppOptions.Section}:{nameof(WebAppOptions.Root)}"] = root is null ? null : Path.Combine(root, "web", "dist"),
            },
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
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
        builder.Services.AddFunctionTriggers(FunctionCatalog.App);
        // The Functions host routes by route and verb alone; a body's content type is the handler's to judge (a 415
        // problem). ASP.NET Core's routing would instead skip an endpoint whose [Accepts] type differs, and the request
        // would fall through to the API's catch-all 404.
        foreach (var accepts in builder.Services.Where(d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy").ToList())
        {
            builder.Services.Remove(accepts);
        }
        builder.Services.AddTimers();

        var app = builder.Build();
        app.Use(SecurityHeaders.InvokeAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference");
        // The agent app too: the catch-all function serves web/dist, as in Azure.
        app.MapFunctions(FunctionCatalog.App);
        // In Azure, Static Web Apps serves the public site; here the host stands in for it (more specific than the catch-all).
        foreach (var section in SiteSections.All)
        {
            app.MapGet($"/{section}/{{**path}}", (HttpContext context, string? path, ServeStaticSite site, CancellationToken ct) =>
                site.HandleAsync(context, section, path, ct)).ExcludeFromDescription();
        }
        return app;
    }
}
