using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Switchboard.Core.Inbound;

/// <summary>
/// Makes email HTML safe to show in the agent app, and removes the quoted history that mail clients mark up
/// (Gmail's gmail_quote, Apple Mail and Thunderbird's blockquote type=cite, Outlook web's divRplyFwdMsg).
/// </summary>
internal static class HtmlCleaner
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // Elements that hold the quoted message as a whole.
    private const string QuoteContainers =
        "div.gmail_quote, blockquote.gmail_quote, blockquote[type=cite], div.moz-cite-prefix, div.yahoo_quoted";

    // Elements that start the quoted message: they and everything after them at the same level are history.
    private const string QuoteStarts = "#appendonsend, #divRplyFwdMsg, div.OutlookMessageHeader";

    /// <summary>Removes scripts, event handlers, javascript: URLs and forms; keeps cid: image sources.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>The HTML without the quoted history, or the HTML unchanged when it has no quote markers.</summary>
    public static string RemoveQuotedHistory(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(QuoteContainers).ToList())
            element.Remove();

        foreach (var start in document.QuerySelectorAll(QuoteStarts).ToList())
        {
            if (start.Parent is null)
                continue;
            if (start.PreviousElementSibling is { LocalName: "hr" } rule)
                rule.Remove();
            RemoveWithFollowingSiblings(start);
        }

        return document.DocumentElement.OuterHtml;
    }

    private static void RemoveWithFollowingSiblings(IElement start)
    {
        INode? node = start;
        while (node is not null)
        {
            var next = node.NextSibling;
            node.Parent?.RemoveChild(node);
            node = next;
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedSchemes.Add("mailto");
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "textarea" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedAttributes.Remove("formaction");
        sanitizer.AllowedAttributes.Remove("action");
        return sanitizer;
    }
}
