using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Debian's Chromium, launched once for all browser tests, driven by Playwright's bundled driver (no browser download:
/// the executable is given). Each test opens its own context, so cookies and localStorage never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps calling home, which a closed network refuses.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Run 'apt-get update && apt-get install -y chromium' (./scripts/test.sh does it).");
        }
        var webApp = Path.Combine(RepositoryRoot.Path, "web", "dist", "index.html");
        if (!File.Exists(webApp))
        {
            throw new InvalidOperationException(
                $"The web app is not built ({webApp} is missing). Run 'npm --prefix web ci && npm --prefix web run build' in {RepositoryRoot.Path}.");
        }

        // Playwright's 5 s default is for a developer's machine; the suite runs browser tests beside Azurite and
        // several hosts on two cores, where a re-fetch after a click can take longer. Failures still fail, later.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser context (empty localStorage) whose relative URLs resolve against the host. Dispose it.
    /// <paramref name="timeZone"/>: the browser's zone (an IANA id) for tests that read times; the machine's otherwise.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(TestHost host, ViewportSize? viewport = null, string? timeZone = null) =>
        NewContextAsync(host.BaseAddress.ToString(), viewport, timeZone);

    /// <summary>As above for any server, e.g. a plain file server standing in for the static host.</summary>
    public Task<IBrowserContext> NewContextAsync(string baseUrl, ViewportSize? viewport = null, string? timeZone = null) =>
        browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            TimezoneId = timeZone,
        });

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
