using Switchboard.Core.StaticSite;

namespace Switchboard.Handlers.KnowledgeBase.Site;

/// <summary>Every file of the <c>kb</c> section for one snapshot (uploaded files apart: the publisher adds those).</summary>
public static class KbSiteFiles
{
    private const string Html = "text/html; charset=utf-8";

    public static List<SiteFile> Render(KbSnapshot s)
    {
        var files = new List<SiteFile>
        {
            new("index.html", Html, KbHtml.Index(s)),
            new("search/index.html", Html, KbHtml.SearchPage(s)),
            new("404.html", Html, KbHtml.NotFound(s)),
            new("contact/index.html", Html, KbContactHtml.ContactPage(s)),
            new("contact/sent/index.html", Html, KbContactHtml.SentPage(s)),
            new("sitemap.xml", "application/xml; charset=utf-8", KbFeeds.Sitemap(s)),
            new("feed.atom", "application/atom+xml; charset=utf-8", KbFeeds.AtomFeed(s)),
            new("search-index.json", "application/json; charset=utf-8", KbFeeds.SearchIndex(s)),
        };
        files.AddRange(KbAssets.Files.Select(a => new SiteFile($"assets/{a.Name}", a.ContentType, KbAssets.Of(a.Name))));
        foreach (var category in s.Categories)
        {
            files.Add(new SiteFile($"{category.Path}index.html", Html, KbHtml.CategoryPage(s, category)));
            files.AddRange(category.Articles.Select(a => new SiteFile($"{a.Path}index.html", Html, KbHtml.ArticlePage(s, a, category))));
        }
        var taken = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        files.AddRange(s.Redirects
            .Where(r => !taken.Contains($"articles/{r.Key}/index.html"))
            .Select(r => new SiteFile($"articles/{r.Key}/index.html", Html, KbHtml.Redirect(s, r.Value))));
        return files;
    }
}
