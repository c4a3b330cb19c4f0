using Ganss.Xss;
using Markdig;

namespace Switchboard.Core.KnowledgeBase;

/// <summary>
/// Turns an article's Markdown into the HTML that the editor's preview and the published site both show: CommonMark
/// plus pipe tables, task lists, heading anchors and bare links, then sanitized, because authors are many and a
/// pasted snippet must never run script on a customer's screen.
/// </summary>
public static class ArticleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The article as plain text (for the search index and summaries): no markup, whitespace collapsed.</summary>
    public static string ToPlainText(string markdown) =>
        string.Join(' ', Markdown.ToPlainText(markdown, Pipeline).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        // Only what Markdown produces plus a task list's read-only checkbox; forms and embeds have no place in an article.
        foreach (var tag in new[] { "form", "button", "select", "option", "optgroup", "textarea", "iframe", "object", "embed", "style" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }
        sanitizer.AllowedTags.Add("input");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("formaction");
        sanitizer.AllowedAttributes.Remove("action");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.PostProcessNode += (_, e) =>
        {
            // A task list's box is the only input kept, and it stays a disabled checkbox.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } input)
            {
                if (input.GetAttribute("type") != "checkbox")
                {
                    input.Remove();
                    return;
                }
                input.SetAttribute("disabled", "disabled");
                foreach (var name in input.Attributes.Select(a => a.Name).Where(n => n is not ("type" or "checked" or "disabled")).ToList())
                {
                    input.RemoveAttribute(name);
                }
            }
        };
        return sanitizer;
    }
}
