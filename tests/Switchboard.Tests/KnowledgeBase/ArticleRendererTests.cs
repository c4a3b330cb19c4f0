using Switchboard.Core.KnowledgeBase;

namespace Switchboard.Tests.KnowledgeBase;

public sealed class ArticleRendererTests
{
    [Fact]
    public void Markdown_renders_tables_task_lists_heading_anchors_and_bare_links()
    {
        var html = ArticleRenderer.ToHtml("""
            ## Reset your password

            | Plan | Seats |
            |------|-------|
            | Free | 3     |

            - [x] Open settings
            - [ ] Click reset

            See https://example.com/help for more.
            """);

        Assert.Contains("<h2 id=\"reset-your-password\">Reset your password</h2>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<td>Free</td>", html);
        Assert.True(html.Contains("<input") && html.Contains("type=\"checkbox\"") && html.Contains("checked") && html.Contains("disabled"), html);
        Assert.Contains("<a href=\"https://example.com/help\">https://example.com/help</a>", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("# ")]
    [InlineData("```\nunclosed fence")]
    [InlineData("> > > nested quotes")]
    [InlineData("[link with no target]")]
    public void Edge_cases_render_without_failing(string markdown)
    {
        var html = ArticleRenderer.ToHtml(markdown);

        Assert.NotNull(html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Code_blocks_show_markup_as_text()
    {
        var html = ArticleRenderer.ToHtml("```html\n<script>alert(1)</script>\n```");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    /// <summary>Payloads an author might paste (or a compromised account might plant); each must come out inert.</summary>
    public static TheoryData<string> XssPayloads() =>
    [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=1\">",
        "<svg onload=\"window.__xss=1\"></svg>",
        "[click](javascript:window.__xss=1)",
        "[click](JaVaScRiPt:window.__xss=1)",
        "![x](javascript:window.__xss=1)",
        "<a href=\"javascript:window.__xss=1\">x</a>",
        "<iframe src=\"javascript:window.__xss=1\"></iframe>",
        "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
        "<body onload=\"window.__xss=1\">",
        "<details open ontoggle=\"window.__xss=1\">",
        "<div style=\"background:url(javascript:window.__xss=1)\">x</div>",
        "<object data=\"javascript:window.__xss=1\"></object>",
        "<embed src=\"javascript:window.__xss=1\">",
        "<form action=\"javascript:window.__xss=1\"><button>go</button></form>",
        "<input autofocus onfocus=\"window.__xss=1\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss=1\">",
        "<a href=\"data:text/html,<script>window.__xss=1</script>\">x</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=1\">",
        "<base href=\"javascript:window.__xss=1//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=1>\">",
        "<style>@import 'javascript:window.__xss=1';</style>",
        "<<script>script>window.__xss=1<</script>/script>",
        "<img src=\"x\" onerror\n=\"window.__xss=1\">",
        "<a href=\"&#106;avascript:window.__xss=1\">x</a>",
    ];

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void Xss_payloads_come_out_inert(string payload)
    {
        var html = ArticleRenderer.ToHtml(payload).ToLowerInvariant();

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("data:text/html", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<object", html);
        Assert.DoesNotContain("<embed", html);
        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("<meta", html);
        Assert.DoesNotContain("<base", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotMatch(@"<[^>]+\son[a-z]+\s*=", html);
    }

    [Theory]
    [InlineData("Reset your password", "reset-your-password")]
    [InlineData("Café & Crème: über-Guide!", "cafe-creme-uber-guide")]
    [InlineData("   ", "article")]
    public void Slugs_come_from_titles(string title, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(title));
        Assert.True(Slugs.IsValid(Slugs.FromTitle(title)));
    }

    [Fact]
    public void Diffs_show_added_and_removed_lines()
    {
        var changes = RevisionDiff.Changes("one\ntwo\nthree", "one\n2\nthree");

        Assert.Equal([new DiffLine("removed", "two"), new DiffLine("added", "2")], changes);
    }
}
