using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.StaticSite;
using Switchboard.Handlers.StaticSite;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.StaticSite.StaticSiteStoreTests;

namespace Switchboard.Tests.StaticSite;

/// <summary>The local host stands in for Static Web Apps: the published releases under /kb/ and /status/.</summary>
public sealed class LocalSiteServingTests
{
    [Fact]
    public async Task Published_pages_are_served_under_their_section_with_the_sites_headers()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await host.Services.GetRequiredService<SitePublisher>().PublishAsync(SiteSections.KnowledgeBase,
            [Html("index.html", "<h1>Help</h1>"), Html("articles/refunds/index.html", "<h1>Refunds</h1>")]);

        var home = await host.Client.GetAsync("/kb/");
        var article = await host.Client.GetAsync("/kb/articles/refunds");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("<h1>Help</h1>", await home.Content.ReadAsStringAsync());
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<h1>Refunds</h1>", await article.Content.ReadAsStringAsync());
        var csp = Assert.Single(home.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", Assert.Single(home.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task An_unchanged_page_is_revalidated_not_downloaded_again()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await host.Services.GetRequiredService<SitePublisher>().PublishAsync(SiteSections.Status, [Html("index.html", "All systems operational")]);
        var first = await host.Client.GetAsync("/status/");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/status/");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await host.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Unknown_pages_get_the_sections_own_404_page_or_a_problem()
    {
        await using var host = await TestHost.StartAsync(queuePump: false);
        await host.Services.GetRequiredService<SitePublisher>().PublishAsync(SiteSections.KnowledgeBase,
            [Html("index.html", "home"), Html("404.html", "No such article")]);

        var missingArticle = await host.Client.GetAsync("/kb/articles/nope");
        var unpublished = await host.Client.GetAsync("/status/");

        Assert.Equal(HttpStatusCode.NotFound, missingArticle.StatusCode);
        Assert.Equal("No such article", await missingArticle.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.Equal("application/problem+json", unpublished.Content.Headers.ContentType?.MediaType);
    }
}
