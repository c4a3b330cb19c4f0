using System.Text.RegularExpressions;
using Switchboard.Core.KnowledgeBase;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase.Site;

/// <summary>One published article as the site shows it: its page's HTML already rendered and sanitized.</summary>
public sealed record KbArticle(string Id, string Title, string Slug, string Category, string? Summary, string Html, string Text, DateTimeOffset UpdatedAt)
{
    public string Path => $"articles/{Slug}/";
}

/// <summary>A category of the home page, in its order, with its published articles (titles A-Z).</summary>
public sealed record KbCategory(string Name, string Slug, IReadOnlyList<KbArticle> Articles)
{
    public string Path => $"categories/{Slug}/";
}

/// <summary>Everything the public site shows, read once and rendered into every file of the <c>kb</c> section.</summary>
/// <param name="Redirects">Former slugs of published articles, and the article each now names.</param>
/// <param name="Files">Uploaded files the articles show (<c>{fileId}/{name}</c> in <c>kb-files</c>), copied into the site.</param>
public sealed record KbSnapshot(
    string SiteName, string SiteUrl, string ApiOrigin, DateTimeOffset UpdatedAt, IReadOnlyList<KbCategory> Categories,
    IReadOnlyDictionary<string, KbArticle> Redirects, IReadOnlyList<string> Files, Contact.ContactSettings Contact)
{
    public const string Uncategorized = "General";

    public IEnumerable<KbArticle> Articles => Categories.SelectMany(c => c.Articles);
}

/// <summary>Reads the <see cref="KbSnapshot"/>: published articles only, drafts and archived ones never leave the tables.</summary>
public sealed partial class KbSiteModel(ArticleStore store, ContactSettingsStore contact, IOptions<KnowledgeBaseOptions> options, IOptions<Storage.StaticSite.StaticSiteOptions> site, TimeProvider time)
{
    public async Task<KbSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var published = (await store.ListAsync(cancellationToken)).Where(a => a.Status == ArticleStatus.Published).ToList();
        var order = (await store.CategoriesAsync(cancellationToken)).Select(c => c.Name).ToList();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var articles = published.Select(a => new KbArticle(a.RowKey, a.Title, a.Slug, a.Category ?? KbSnapshot.Uncategorized, a.Summary,
            SiteFileLinks(ArticleRenderer.ToHtml(a.Body), files), ArticleRenderer.ToPlainText(a.Body), a.UpdatedAt)).ToList();
        var categories = articles
            .GroupBy(a => a.Category, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => order.FindIndex(name => string.Equals(name, g.Key, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KbCategory(g.First().Category, Slugs.FromTitle(g.Key), g.OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase).ToList()))
            .ToList();
        var byId = articles.ToDictionary(a => a.Id);
        var redirects = (await store.ListSlugsAsync(cancellationToken))
            .Where(s => byId.TryGetValue(s.ArticleId, out var article) && article.Slug != s.RowKey)
            .ToDictionary(s => s.RowKey, s => byId[s.ArticleId]);
        var updated = articles.Count == 0 ? time.GetUtcNow() : articles.Max(a => a.UpdatedAt);
        return new KbSnapshot(options.Value.Name, options.Value.Url, site.Value.ApiOrigin, updated, categories, redirects, [.. files],
            KnowledgeBase.Contact.ContactSettings.Of(await contact.GetAsync(cancellationToken)));
    }

    /// <summary>
    /// The editor links uploads to the agents-only <c>/api/kb/files/…</c>; the site serves its own copy instead
    /// (<c>files/…</c> beside the articles), so a reader needs neither a session nor the Function app.
    /// </summary>
    private static string SiteFileLinks(string html, ISet<string> files) =>
        UploadLink().Replace(html, match =>
        {
            files.Add($"{match.Groups[1].Value}/{match.Groups[2].Value}");
            return $"\"../../files/{match.Groups[1].Value}/{match.Groups[2].Value}\"";
        });

    [GeneratedRegex("\"/api/kb/files/(f[0-9a-f]{16})/([A-Za-z0-9_.-]{1,100})\"")]
    private static partial Regex UploadLink();
}
