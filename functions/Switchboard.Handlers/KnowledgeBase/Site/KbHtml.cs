using System.Globalization;
using System.Net;
using System.Text;
using Switchboard.Handlers.StaticSite;

namespace Switchboard.Handlers.KnowledgeBase.Site;

/// <summary>
/// The site's pages. Every page reads fully without script; <c>kb.js</c> adds search, the feedback buttons and the
/// contact form's suggestions. No inline script or style anywhere: each page's Content-Security-Policy (also sent as
/// a header by the host) forbids both, so a script that slipped into an article's HTML would not run.
/// </summary>
public static class KbHtml
{
    public static byte[] Index(KbSnapshot s)
    {
        var b = new StringBuilder();
        Head(b, s.SiteName, "", s, "Answers to common questions about our product.");
        b.Append("<section class=\"hero\"><h1>How can we help?</h1>\n");
        SearchForm(b, "", autofocus: true);
        b.Append("</section>\n<div class=\"categories\">\n");
        if (s.Categories.Count == 0)
        {
            b.Append("<p>No articles are published yet.</p>\n");
        }
        foreach (var category in s.Categories)
        {
            b.Append($"<section class=\"category\"><h2><a href=\"{category.Path}\">{E(category.Name)}</a></h2>\n<ul class=\"articles\">");
            foreach (var article in category.Articles.Take(6))
            {
                b.Append($"<li><a href=\"{article.Path}\">{E(article.Title)}</a></li>");
            }
            if (category.Articles.Count > 6)
            {
                b.Append($"<li class=\"more\"><a href=\"{category.Path}\">All {category.Articles.Count} articles</a></li>");
            }
            b.Append("</ul></section>\n");
        }
        b.Append("</div>\n");
        Foot(b, s, "");
        return Bytes(b);
    }

    public static byte[] CategoryPage(KbSnapshot s, KbCategory category)
    {
        const string root = "../../";
        var b = new StringBuilder();
        Head(b, $"{category.Name} · {s.SiteName}", root, s, $"Articles about {category.Name}.");
        b.Append($"<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"{root}\">{E(s.SiteName)}</a></nav>\n<h1>{E(category.Name)}</h1>\n<ul class=\"article-list\">");
        foreach (var article in category.Articles)
        {
            b.Append($"<li><a href=\"{root}{article.Path}\">{E(article.Title)}</a>");
            if (article.Summary is { } summary)
            {
                b.Append($"<p>{E(summary)}</p>");
            }
            b.Append("</li>\n");
        }
        b.Append("</ul>\n");
        Foot(b, s, root);
        return Bytes(b);
    }

    public static byte[] ArticlePage(KbSnapshot s, KbArticle article, KbCategory category)
    {
        const string root = "../../";
        var b = new StringBuilder();
        Head(b, $"{article.Title} · {s.SiteName}", root, s, article.Summary ?? article.Title, canonical: s.SiteUrl.Length > 0 ? s.SiteUrl + article.Path : null);
        b.Append($"<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"{root}\">{E(s.SiteName)}</a> › <a href=\"{root}{category.Path}\">{E(category.Name)}</a></nav>\n")
         .Append($"<article class=\"article\" data-slug=\"{E(article.Slug)}\"><h1>{E(article.Title)}</h1>\n")
         .Append($"<p class=\"meta\">Updated <time datetime=\"{article.UpdatedAt.ToUniversalTime():O}\">{Date(article.UpdatedAt)}</time></p>\n")
         .Append($"<div class=\"body\">{article.Html}</div></article>\n");
        // Shown by kb.js: voting needs the API, and a form that cannot post would only disappoint.
        b.Append($"<section class=\"feedback\" id=\"feedback\" data-slug=\"{E(article.Slug)}\" hidden><h2>Did this article help?</h2>\n")
         .Append("<form id=\"feedback-form\"><div class=\"vote\"><button type=\"submit\" name=\"helpful\" value=\"yes\">Yes</button>")
         .Append("<button type=\"submit\" name=\"helpful\" value=\"no\">No</button></div>\n")
         .Append("<label class=\"comment\" hidden>What were you looking for? (optional)<textarea name=\"comment\" maxlength=\"1000\" rows=\"3\"></textarea>")
         .Append("<button type=\"submit\" name=\"helpful\" value=\"no-comment\">Send</button></label>\n")
         .Append(Honeypot)
         .Append("</form><p class=\"thanks\" role=\"status\"></p></section>\n")
         .Append($"<p class=\"contact-link\">Still need help? <a href=\"{root}contact/\">Contact us</a>.</p>\n");
        Foot(b, s, root);
        return Bytes(b);
    }

    /// <summary>A former slug's page: sends the reader on to the article's page (a static host has no server redirects).</summary>
    public static byte[] Redirect(KbSnapshot s, KbArticle article)
    {
        var target = $"../{WebUtility.UrlEncode(article.Slug)}/";
        var b = new StringBuilder();
        b.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
         .Append($"<meta http-equiv=\"refresh\" content=\"0; url={target}\"><link rel=\"canonical\" href=\"{target}\">")
         .Append($"<title>{E(article.Title)} · {E(s.SiteName)}</title></head>\n")
         .Append($"<body><p>This article has moved to <a href=\"{target}\">{E(article.Title)}</a>.</p></body></html>\n");
        return Bytes(b);
    }

    public static byte[] SearchPage(KbSnapshot s)
    {
        const string root = "../";
        var b = new StringBuilder();
        Head(b, $"Search · {s.SiteName}", root, s, "Search the help center.");
        b.Append($"<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"{root}\">{E(s.SiteName)}</a></nav>\n<h1>Search</h1>\n");
        SearchForm(b, root, autofocus: true);
        // Without script there is no search: the whole list stands in for it.
        b.Append("<noscript><h2>All articles</h2><ul class=\"article-list\">");
        foreach (var article in s.Articles.OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase))
        {
            b.Append($"<li><a href=\"{root}{article.Path}\">{E(article.Title)}</a></li>");
        }
        b.Append("</ul></noscript>\n");
        Foot(b, s, root);
        return Bytes(b);
    }

    public static byte[] NotFound(KbSnapshot s)
    {
        const string root = "/kb/";
        var b = new StringBuilder();
        Head(b, $"Not found · {s.SiteName}", root, s, "There is no such page.");
        b.Append("<h1>We could not find that page</h1>\n<p>It may have moved. Try searching:</p>\n");
        SearchForm(b, root, autofocus: false);
        b.Append($"<p><a href=\"{root}\">Browse all topics</a> or <a href=\"{root}contact/\">contact us</a>.</p>\n");
        Foot(b, s, root);
        return Bytes(b);
    }

    /// <summary>A field people never see and bots fill in; a post that fills it is accepted and dropped.</summary>
    public const string Honeypot =
        "<div class=\"hp\" aria-hidden=\"true\"><label>Leave this empty<input type=\"text\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></label></div>\n";

    internal static void SearchForm(StringBuilder b, string root, bool autofocus) =>
        b.Append($"<form class=\"search\" role=\"search\" action=\"{root}search/\" method=\"get\">")
         .Append("<label for=\"q\" class=\"visually-hidden\">Search articles</label>")
         .Append($"<input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Search articles\" autocomplete=\"off\" maxlength=\"200\"{(autofocus ? " autofocus" : "")}>")
         .Append("<button type=\"submit\">Search</button></form>\n<ol class=\"results\" id=\"results\" aria-live=\"polite\"></ol>\n");

    internal static void Head(StringBuilder b, string title, string root, KbSnapshot s, string description, string? canonical = null)
    {
        PageShell.Open(b, new PageShell.Head(title, s.ApiOrigin, $"{root}assets/kb.css", description, canonical,
            Feed: ($"{s.SiteName}: updates", $"{root}feed.atom"),
            Scripts: [$"{root}assets/minisearch.js", $"{root}assets/kb.js"],
            Meta: [("kb-root", root), ("kb-api", s.ApiOrigin)]));
        b.Append($"<header class=\"site\"><a class=\"brand\" href=\"{root}\">{E(s.SiteName)}</a><nav><a href=\"{root}search/\">Search</a> <a href=\"{root}contact/\">Contact us</a></nav></header>\n<main>\n");
    }

    internal static void Foot(StringBuilder b, KbSnapshot s, string root) =>
        b.Append($"</main><footer class=\"site\"><p><a href=\"{root}contact/\">Contact us</a> · <a href=\"{root}feed.atom\">Updates (Atom)</a> · ")
         .Append($"<a href=\"{root}sitemap.xml\">Sitemap</a></p></footer></body></html>\n");

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    internal static string Date(DateTimeOffset t) => t.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    internal static byte[] Bytes(StringBuilder b) => Encoding.UTF8.GetBytes(b.ToString());
}
