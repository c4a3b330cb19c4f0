using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Switchboard.Core.Inbound;

/// <summary>
/// Plain text from email HTML, laid out the way a mail client's "plain text" view would be:
/// one line per block, blockquotes prefixed with "&gt; ", scripts and styles dropped.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Skipped = ["script", "style", "head", "title", "template", "noscript"];

    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "pre",
        "section", "article", "header", "footer", "hr", "dl", "dt", "dd", "address", "center",
    ];

    public static string ToPlainText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Append(document.Body ?? (INode)document, text, preformatted: false);
        return Tidy(text.ToString());
    }

    private static void Append(INode node, StringBuilder text, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(preformatted ? t.Data : Whitespace().Replace(t.Data, " "));
                continue;
            }
            if (child is not IElement element || Skipped.Contains(element.LocalName))
                continue;

            switch (element.LocalName)
            {
                case "br":
                    text.Append('\n');
                    break;
                case "blockquote":
                    var inner = new StringBuilder();
                    Append(element, inner, preformatted);
                    EnsureNewline(text);
                    foreach (var line in Tidy(inner.ToString()).Split('\n'))
                        text.Append(line.Length == 0 ? ">" : "> " + line).Append('\n');
                    break;
                case "td" or "th":
                    Append(element, text, preformatted);
                    text.Append(' ');
                    break;
                case "li":
                    EnsureNewline(text);
                    text.Append("- ");
                    Append(element, text, preformatted);
                    EnsureNewline(text);
                    break;
                default:
                    var block = Blocks.Contains(element.LocalName);
                    if (block) EnsureNewline(text);
                    Append(element, text, preformatted || element.LocalName == "pre");
                    if (block) EnsureNewline(text);
                    break;
            }
        }
    }

    private static void EnsureNewline(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
            text.Length--;
        if (text.Length > 0 && text[^1] != '\n')
            text.Append('\n');
    }

    private static string Tidy(string text)
    {
        var lines = text.Replace('\u00A0', ' ').Split('\n').Select(l => l.Trim(' ', '\t', '\r'));
        return BlankRuns().Replace(string.Join('\n', lines), "\n\n").Trim('\n');
    }

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
