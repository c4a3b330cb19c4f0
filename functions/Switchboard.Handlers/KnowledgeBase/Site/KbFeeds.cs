using System.Text;
using System.Text.Json;
using System.Xml;

namespace Switchboard.Handlers.KnowledgeBase.Site;

/// <summary>The site's machine-readable files: <c>feed.atom</c>, <c>sitemap.xml</c> and <c>search-index.json</c>.</summary>
public static class KbFeeds
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The search index keeps this much of an article's text: enough to find it by what it says, small enough to load at once.</summary>
    public const int IndexedTextLength = 1500;

    /// <summary>The 20 most recently updated articles, newest first.</summary>
    public static byte[] AtomFeed(KbSnapshot s) => Xml(xml =>
    {
        xml.WriteStartElement("feed", Atom);
        xml.WriteElementString("id", Atom, Id("feed"));
        xml.WriteElementString("title", Atom, s.SiteName);
        xml.WriteElementString("updated", Atom, XmlConvert.ToString(s.UpdatedAt));
        Link(xml, s.SiteUrl.Length > 0 ? s.SiteUrl : "./");
        foreach (var article in s.Articles.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Slug, StringComparer.Ordinal).Take(20))
        {
            xml.WriteStartElement("entry", Atom);
            xml.WriteElementString("id", Atom, Id("article:" + article.Id));
            xml.WriteElementString("title", Atom, article.Title);
            xml.WriteElementString("updated", Atom, XmlConvert.ToString(article.UpdatedAt));
            Link(xml, s.SiteUrl + article.Path);
            if (article.Summary is { } summary)
            {
                xml.WriteElementString("summary", Atom, summary);
            }
            xml.WriteStartElement("content", Atom);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(article.Html);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    /// <summary>Every public page. The protocol wants absolute URLs: without <c>KnowledgeBase:Url</c> they are site paths.</summary>
    public static byte[] Sitemap(KbSnapshot s) => Xml(xml =>
    {
        var root = s.SiteUrl.Length > 0 ? s.SiteUrl : "/kb/";
        xml.WriteStartElement("urlset", Sitemaps);
        Url(xml, root, s.UpdatedAt);
        foreach (var category in s.Categories)
        {
            Url(xml, root + category.Path, category.Articles.Max(a => a.UpdatedAt));
        }
        foreach (var article in s.Articles)
        {
            Url(xml, root + article.Path, article.UpdatedAt);
        }
        Url(xml, root + "contact/", null);
        xml.WriteEndElement();
    });

    /// <summary>
    /// The documents kb.js gives MiniSearch, with one-letter fields to keep the file small: <c>t</c> title,
    /// <c>s</c> summary, <c>c</c> category, <c>x</c> the start of the text, <c>u</c> the page's path.
    /// </summary>
    public static byte[] SearchIndex(KbSnapshot s) => JsonSerializer.SerializeToUtf8Bytes(new SearchIndexDocument(1,
        s.Articles.Select((a, i) => new SearchIndexEntry(i, a.Title, a.Summary ?? "", a.Category,
            a.Text.Length > IndexedTextLength ? a.Text[..IndexedTextLength] : a.Text, a.Path)).ToList()), IndexJson);

    private static readonly JsonSerializerOptions IndexJson = new(JsonSerializerDefaults.Web);

    private static void Url(XmlWriter xml, string location, DateTimeOffset? modified)
    {
        xml.WriteStartElement("url", Sitemaps);
        xml.WriteElementString("loc", Sitemaps, location);
        if (modified is { } at)
        {
            xml.WriteElementString("lastmod", Sitemaps, at.ToUniversalTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            write(xml);
        }
        return stream.ToArray();
    }

    /// <summary>Atom ids must be permanent IRIs; a tag URI needs no domain of ours to be stable.</summary>
    private static string Id(string what) => $"tag:switchboard,2026:kb:{what}";
}

public sealed record SearchIndexDocument(int V, IReadOnlyList<SearchIndexEntry> Docs);

public sealed record SearchIndexEntry(
    [property: System.Text.Json.Serialization.JsonPropertyName("id")] int Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("t")] string Title,
    [property: System.Text.Json.Serialization.JsonPropertyName("s")] string Summary,
    [property: System.Text.Json.Serialization.JsonPropertyName("c")] string Category,
    [property: System.Text.Json.Serialization.JsonPropertyName("x")] string Text,
    [property: System.Text.Json.Serialization.JsonPropertyName("u")] string Url);
