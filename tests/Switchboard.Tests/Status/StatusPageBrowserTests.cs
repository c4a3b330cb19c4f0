using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;
using Switchboard.Core.StaticSite;
using Switchboard.Storage.StaticSite;
using Switchboard.Tests.Browser;
using Switchboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Tests.Status.StatusApiTests;

namespace Switchboard.Tests.Status;

[Collection(BrowserCollection.Name)]
public sealed class StatusPageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_public_page_shows_the_incident_and_still_shows_it_once_the_app_is_stopped()
    {
        var site = Directory.CreateTempSubdirectory("status-site-");
        Uri stoppedApp;
        try
        {
            await using (var host = await TestHost.StartAsync(queuePump: false))
            {
                stoppedApp = host.BaseAddress;
                var mail = await ComponentAsync(host, "Email delivery", "Platform");
                await ComponentAsync(host, "Agent app", "Platform");
                await JsonAsync(await SendAsync(host, HttpMethod.Post, "/api/status/incidents", new
                {
                    title = "Email delayed", impact = "major", status = "identified", message = "A mail relay is slow; mail is queued, not lost.",
                    components = new[] { new { id = mail, state = "partial_outage" } },
                }), HttpStatusCode.Created);

                await using var context = await browser.NewContextAsync(host);
                var live = await context.NewPageAsync();
                await live.GotoAsync("/status/");
                await ExpectPublishedStateAsync(live);

                // What Static Web Apps would keep serving: the release as published through the seam.
                var store = host.Services.GetRequiredService<StaticSiteStore>();
                var release = (await store.CurrentAsync(SiteSections.Status))!;
                foreach (var (path, entry) in release.Files)
                {
                    var file = Path.Combine(site.FullName, "status", path);
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    await File.WriteAllBytesAsync(file, (await store.ReadFileAsync(SiteSections.Status, entry)).ToArray());
                }
            }

            using var probe = new HttpClient();
            await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync(new Uri(stoppedApp, "/api/health")));
            await using var server = await PlainStaticServerAsync(site.FullName);
            await using var offline = await browser.NewContextAsync(server.Urls.Single());
            var page = await offline.NewPageAsync();
            await page.GotoAsync("/status/");
            await ExpectPublishedStateAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Email delayed" }).ClickAsync();
            await Expect(page.GetByText("A mail relay is slow; mail is queued, not lost.")).ToBeVisibleAsync();
        }
        finally
        {
            site.Delete(recursive: true);
        }
    }

    private static async Task ExpectPublishedStateAsync(IPage page)
    {
        await Expect(page.Locator("#overall")).ToHaveTextAsync("Partial System Outage");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email delayed" })).ToBeVisibleAsync();
        await Expect(page.Locator(".component.is-partial-outage .name")).ToHaveTextAsync("Email delivery");
        await Expect(page.Locator(".component.is-operational .name")).ToHaveTextAsync("Agent app");
        await Expect(page.Locator(".component").First.Locator(".bars li")).ToHaveCountAsync(90);
        await Expect(page.Locator("footer")).ToContainTextAsync("Last updated");
    }

    /// <summary>A file server that knows nothing of Switchboard, standing in for the static host.</summary>
    private static async Task<WebApplication> PlainStaticServerAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await app.StartAsync();
        return app;
    }
}
