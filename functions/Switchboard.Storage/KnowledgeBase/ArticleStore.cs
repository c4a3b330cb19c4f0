namespace Switchboard.Storage.KnowledgeBase;

/// <summary>
/// The knowledge base's tables. <c>KbArticles</c> holds three partitions: <c>a</c> (articles by id), <c>s</c> (slug →
/// article id, old slugs included, so a slug is claimed once and old links redirect) and <c>c</c> (ordered categories);
/// a small team's KB is hundreds of articles, so listing reads partition <c>a</c> whole. <c>KbRevisions</c> is one
/// partition per article, a row per save keyed by version, so two saves of the same version cannot both succeed.
/// </summary>
public sealed class ArticleStore(StorageAccount storage)
{
    public const string ArticlePartition = "a";
    public const string SlugPartition = "s";
    public const string CategoryPartition = "c";

    private TableClient Articles => storage.Table(StorageLayout.KbArticlesTable);
    private TableClient Revisions => storage.Table(StorageLayout.KbRevisionsTable);

    public static string NewId() => "k" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    public static bool IsWellFormedId(string id) => id.Length == 17 && id[0] == 'k' && id.Skip(1).All(char.IsAsciiHexDigitLower);

    public static string VersionKey(int version) => version.ToString("D10");

    public async Task<ArticleEntity?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }
        var article = await Articles.GetEntityIfExistsAsync<ArticleEntity>(ArticlePartition, id, cancellationToken: cancellationToken);
        return article.HasValue ? article.Value : null;
    }

    public async Task<IReadOnlyList<ArticleEntity>> ListAsync(CancellationToken cancellationToken = default)
    {
        var articles = new List<ArticleEntity>();
        await foreach (var article in Articles.QueryAsync<ArticleEntity>(e => e.PartitionKey == ArticlePartition, cancellationToken: cancellationToken))
        {
            articles.Add(article);
        }
        return articles;
    }

    /// <summary>The id of the article a slug names (now or formerly), or null.</summary>
    public async Task<string?> ArticleIdOfSlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var row = await Articles.GetEntityIfExistsAsync<SlugEntity>(SlugPartition, slug, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ArticleId : null;
    }

    /// <summary>Every slug ever claimed and the article it names (current and former slugs alike), for the site's redirects.</summary>
    public async Task<IReadOnlyList<SlugEntity>> ListSlugsAsync(CancellationToken cancellationToken = default)
    {
        var slugs = new List<SlugEntity>();
        await foreach (var slug in Articles.QueryAsync<SlugEntity>(e => e.PartitionKey == SlugPartition, cancellationToken: cancellationToken))
        {
            slugs.Add(slug);
        }
        return slugs;
    }

    /// <summary>Claims a slug for an article; false when another article has (or had) it.</summary>
    public async Task<bool> TryClaimSlugAsync(string slug, string articleId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Articles.AddEntityAsync(new SlugEntity { RowKey = slug, ArticleId = articleId }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await ArticleIdOfSlugAsync(slug, cancellationToken) == articleId;
        }
    }

    /// <summary>Adds the revision of a save; false when that version was saved already (a concurrent save won).</summary>
    public async Task<bool> TryAddRevisionAsync(RevisionEntity revision, CancellationToken cancellationToken = default)
    {
        revision.RowKey = VersionKey(revision.Version);
        try
        {
            await Revisions.AddEntityAsync(revision, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public Task AddAsync(ArticleEntity article, CancellationToken cancellationToken = default) =>
        Articles.AddEntityAsync(article, cancellationToken);

    /// <summary>Replaces the article if nobody changed it since it was read; false when someone did.</summary>
    public async Task<bool> TryReplaceAsync(ArticleEntity article, CancellationToken cancellationToken = default)
    {
        try
        {
            await Articles.UpdateEntityAsync(article, article.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Every save of an article, newest first (the body included: a KB article is a few KB).</summary>
    public async Task<IReadOnlyList<RevisionEntity>> RevisionsAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var revisions = new List<RevisionEntity>();
        await foreach (var revision in Revisions.QueryAsync<RevisionEntity>(e => e.PartitionKey == articleId, cancellationToken: cancellationToken))
        {
            revisions.Add(revision);
        }
        revisions.Reverse();
        return revisions;
    }

    public async Task<RevisionEntity?> RevisionAsync(string articleId, int version, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(articleId) || version < 1)
        {
            return null;
        }
        var revision = await Revisions.GetEntityIfExistsAsync<RevisionEntity>(articleId, VersionKey(version), cancellationToken: cancellationToken);
        return revision.HasValue ? revision.Value : null;
    }

    /// <summary>The categories in their home-page order.</summary>
    public async Task<IReadOnlyList<CategoryEntity>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        var categories = new List<CategoryEntity>();
        await foreach (var category in Articles.QueryAsync<CategoryEntity>(e => e.PartitionKey == CategoryPartition, cancellationToken: cancellationToken))
        {
            categories.Add(category);
        }
        return categories.OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Makes sure a category exists; a new one goes last.</summary>
    public async Task EnsureCategoryAsync(string name, CancellationToken cancellationToken = default)
    {
        var key = KeyEncoding.Escape(name.ToLowerInvariant());
        if ((await Articles.GetEntityIfExistsAsync<CategoryEntity>(CategoryPartition, key, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }
        var order = (await CategoriesAsync(cancellationToken)).Select(c => c.Order).DefaultIfEmpty(0).Max() + 1;
        try
        {
            await Articles.AddEntityAsync(new CategoryEntity { RowKey = key, Name = name, Order = order }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created by a concurrent save: it exists, which is all this wanted.
        }
    }

    /// <summary>Sets the home-page order of the named categories (first = 1); names not given keep their place after them.</summary>
    public async Task ReorderCategoriesAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        var existing = await CategoriesAsync(cancellationToken);
        var ordered = names.Select(n => existing.FirstOrDefault(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase)))
            .OfType<CategoryEntity>().Concat(existing).Distinct().ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i + 1;
            await Articles.UpsertEntityAsync(ordered[i], TableUpdateMode.Replace, cancellationToken);
        }
    }
}
