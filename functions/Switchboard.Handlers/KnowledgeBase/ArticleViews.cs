using Switchboard.Core.KnowledgeBase;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary>The body of a create or update: on update, a field left out keeps its value.</summary>
public sealed record ArticleInput(string? Title, string? Body, string? Category = null, string? Summary = null, string? Status = null, string? Slug = null);

/// <summary>An article as the agent API shows it; <c>html</c> is what the public page shows.</summary>
public sealed record ArticleView(
    string Id, string Title, string Slug, string? Category, string? Summary, string Status, string Body, string Html,
    int Version, string ETag, string AuthorId, string? AuthorName, string LastEditorId, string? LastEditorName,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt)
{
    public static ArticleView Of(ArticleEntity e) => new(
        e.RowKey, e.Title, e.Slug, e.Category, e.Summary, e.Status, e.Body, ArticleRenderer.ToHtml(e.Body),
        e.Version, Hosting.VersionTags.ETag(e.Version), e.AuthorId, e.AuthorName, e.LastEditorId, e.LastEditorName,
        e.CreatedAt, e.UpdatedAt, e.PublishedAt);
}

/// <summary>
/// A line of the article list (no body, to keep the list small). <c>PublicUrl</c>: the page on the public site, for a
/// published article (what the reply composer links to); absolute when <c>KnowledgeBase:Url</c> is set, else the
/// site path <c>/kb/…</c> of a host that serves the site itself.
/// </summary>
public sealed record ArticleSummaryView(
    string Id, string Title, string Slug, string? Category, string? Summary, string Status, int Version,
    string? LastEditorName, DateTimeOffset UpdatedAt, string? PublicUrl)
{
    public static ArticleSummaryView Of(ArticleEntity e, string siteUrl) =>
        new(e.RowKey, e.Title, e.Slug, e.Category, e.Summary, e.Status, e.Version, e.LastEditorName, e.UpdatedAt,
            e.Status == ArticleStatus.Published ? $"{siteUrl}articles/{e.Slug}/" : null);
}

public sealed record ArticleList(IReadOnlyList<ArticleSummaryView> Items, IReadOnlyList<string> Categories);

/// <summary>One save of an article.</summary>
public sealed record RevisionView(
    int Version, string Title, string Slug, string? Category, string? Summary, string Status, string Body,
    string EditorId, string? EditorName, DateTimeOffset SavedAt, int? RestoredFrom)
{
    public static RevisionView Of(RevisionEntity e) =>
        new(e.Version, e.Title, e.Slug, e.Category, e.Summary, e.Status, e.Body, e.EditorId, e.EditorName, e.SavedAt, e.RestoredFrom);
}

public sealed record RevisionList(IReadOnlyList<RevisionView> Items);

/// <summary>What changed between two saves: the body line by line, and which other fields differ.</summary>
public sealed record RevisionDiffView(int From, int To, IReadOnlyList<DiffLine> Body, IReadOnlyList<string> ChangedFields);

public sealed record PreviewInput(string? Body);

public sealed record PreviewView(string Html);

