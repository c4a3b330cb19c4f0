using System.Net;
using System.Text;
using Switchboard.Storage.StaticSite;

namespace Switchboard.Handlers.StaticSite;

/// <summary>
/// What a page of a published section looks like above its content: the <c>&lt;head&gt;</c> every page shares (charset,
/// viewport, the Content-Security-Policy as a meta tag, referrer policy, light and dark colour scheme) and the section's
/// own additions (its stylesheet, feed, scripts, metadata). The knowledge base and the status page both open their
/// pages here, so a hardening change reaches both.
/// </summary>
public static class PageShell
{
    /// <summary>One page's head. <paramref name="Meta"/> are extra <c>name → content</c> meta tags (e.g. where the API is).</summary>
    public sealed record Head(
        string Title,
        string ApiOrigin,
        string Stylesheet,
        string? Description = null,
        string? Canonical = null,
        (string Title, string Href)? Feed = null,
        IReadOnlyList<string>? Scripts = null,
        IReadOnlyList<(string Name, string Content)>? Meta = null);

    /// <summary>
    /// The Content-Security-Policy of every page, as a meta tag too (a copy of the site served by any static host keeps
    /// it). <c>frame-ancestors</c> only works as a header, where the host sends it; in a meta tag browsers ignore it.
    /// </summary>
    public static string MetaPolicy(string apiOrigin) =>
        string.Join("; ", StaticWebAppConfig.ContentSecurityPolicy(apiOrigin).Split("; ").Where(d => !d.StartsWith("frame-ancestors", StringComparison.Ordinal)));

    /// <summary>Writes the doctype, the whole <c>&lt;head&gt;</c> and the opening <c>&lt;body&gt;</c> tag.</summary>
    public static void Open(StringBuilder b, Head head)
    {
        b.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{E(MetaPolicy(head.ApiOrigin))}\">")
         .Append("<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\"><meta name=\"color-scheme\" content=\"light dark\">");
        foreach (var (name, content) in head.Meta ?? [])
        {
            b.Append($"<meta name=\"{E(name)}\" content=\"{E(content)}\">");
        }
        b.Append($"<title>{E(head.Title)}</title>");
        if (head.Description is not null)
        {
            b.Append($"<meta name=\"description\" content=\"{E(head.Description)}\">");
        }
        if (head.Canonical is not null)
        {
            b.Append($"<link rel=\"canonical\" href=\"{E(head.Canonical)}\">");
        }
        b.Append($"<link rel=\"stylesheet\" href=\"{E(head.Stylesheet)}\">");
        if (head.Feed is var (feedTitle, feedHref))
        {
            b.Append($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{E(feedTitle)}\" href=\"{E(feedHref)}\">");
        }
        foreach (var script in head.Scripts ?? [])
        {
            b.Append($"<script src=\"{E(script)}\" defer></script>");
        }
        b.Append("</head>\n<body>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
