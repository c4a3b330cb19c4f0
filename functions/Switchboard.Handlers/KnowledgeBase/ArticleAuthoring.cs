using Switchboard.Core.KnowledgeBase;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.KnowledgeBase.Site;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

/// <summary>What a save came to; the HTTP layer maps each to its status.</summary>
public abstract record SaveOutcome
{
    public sealed record Saved(ArticleEntity Article) : SaveOutcome;
    public sealed record Missing : SaveOutcome;
    /// <summary>Someone saved since <paramref name="SeenVersion"/>: nothing was written; <paramref name="Changes"/> shows what they changed.</summary>
    public sealed record Stale(ArticleEntity Current, int SeenVersion, RevisionDiffView Changes) : SaveOutcome;
    public sealed record SlugTaken(string Slug) : SaveOutcome;
}

/// <summary>
/// The rules of writing articles, free of HTTP: every save is a whole revision; a save names the version it edited and
/// is refused when another landed since (the article row's ETag decides who won); slugs are unique and a changed slug
/// keeps the old one pointing here, so published links redirect. A save that changes what the public site shows (the
/// article is or was published) asks for the site to be published again.
/// </summary>
public sealed class ArticleAuthoring(ArticleStore store, KbPublishRequests site, TimeProvider time)
{
    /// <summary>A new article, version 1. A slug derived from the title gets a number when taken; a chosen one is refused.</summary>
    public async Task<SaveOutcome> CreateAsync(ArticleInput input, Agent editor, CancellationToken cancellationToken = default)
    {
        var id = ArticleStore.NewId();
        var title = input.Title!.Trim();
        var slug = input.Slug ?? Slugs.FromTitle(title);
        if (!await store.TryClaimSlugAsync(slug, id, cancellationToken))
        {
            if (input.Slug is not null)
            {
                return new SaveOutcome.SlugTaken(slug);
            }
            slug = await FreeSlugAsync(slug, id, cancellationToken);
        }
        var now = time.GetUtcNow();
        var article = new ArticleEntity
        {
            RowKey = id, Title = title, Slug = slug, Category = ArticleRules.Clean(input.Category), Summary = ArticleRules.Clean(input.Summary),
            Status = input.Status ?? ArticleStatus.Draft, Body = input.Body!, Version = 1,
            AuthorId = editor.Id, AuthorName = editor.Name, LastEditorId = editor.Id, LastEditorName = editor.Name,
            CreatedAt = now, UpdatedAt = now, PublishedAt = input.Status == ArticleStatus.Published ? now : null,
        };
        await store.AddAsync(article, cancellationToken);
        await store.TryAddRevisionAsync(RevisionOf(article, null), cancellationToken);
        await EnsureCategoryAsync(article, cancellationToken);
        if (article.Status == ArticleStatus.Published)
        {
            await site.RequestAsync(cancellationToken);
        }
        return new SaveOutcome.Saved(article);
    }

    /// <summary>Applies the given fields to the article as of <paramref name="seenVersion"/>.</summary>
    public Task<SaveOutcome> UpdateAsync(string id, int seenVersion, ArticleInput input, Agent editor, CancellationToken cancellationToken = default) =>
        SaveAsync(id, seenVersion, editor, null, article =>
        {
            article.Title = input.Title?.Trim() ?? article.Title;
            article.Body = input.Body ?? article.Body;
            article.Category = input.Category is null ? article.Category : ArticleRules.Clean(input.Category);
            article.Summary = input.Summary is null ? article.Summary : ArticleRules.Clean(input.Summary);
            article.Status = input.Status ?? article.Status;
            return input.Slug;
        }, cancellationToken);

    /// <summary>Publishes the current version (any version: publishing changes no text, so it needs no If-Match).</summary>
    public async Task<SaveOutcome> PublishAsync(string id, Agent editor, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await store.GetAsync(id, cancellationToken) is not { } current)
            {
                return new SaveOutcome.Missing();
            }
            if (current.Status == ArticleStatus.Published)
            {
                return new SaveOutcome.Saved(current);
            }
            var outcome = await SaveAsync(id, current.Version, editor, null, a => { a.Status = ArticleStatus.Published; return null; }, cancellationToken);
            if (outcome is not SaveOutcome.Stale || attempt == 2)
            {
                return outcome;
            }
        }
    }

    /// <summary>A new save whose title, body, category and summary are those of an earlier version (status and slug stay).</summary>
    public async Task<SaveOutcome> RestoreAsync(string id, int version, int seenVersion, Agent editor, CancellationToken cancellationToken = default)
    {
        if (await store.RevisionAsync(id, version, cancellationToken) is not { } old)
        {
            return new SaveOutcome.Missing();
        }
        return await SaveAsync(id, seenVersion, editor, version, article =>
        {
            (article.Title, article.Body, article.Category, article.Summary) = (old.Title, old.Body, old.Category, old.Summary);
            return null;
        }, cancellationToken);
    }

    /// <summary>What changed between two saves of an article; null when either is unknown.</summary>
    public async Task<RevisionDiffView?> DiffAsync(string id, int from, int to, CancellationToken cancellationToken = default)
    {
        var before = await store.RevisionAsync(id, from, cancellationToken);
        var after = await store.RevisionAsync(id, to, cancellationToken);
        return before is null || after is null ? null : Diff(before, after);
    }

    private async Task<SaveOutcome> SaveAsync(
        string id, int seenVersion, Agent editor, int? restoredFrom, Func<ArticleEntity, string?> change, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } article)
        {
            return new SaveOutcome.Missing();
        }
        if (article.Version != seenVersion)
        {
            return await StaleAsync(article, seenVersion, cancellationToken);
        }
        var wasPublic = article.Status == ArticleStatus.Published;
        var newSlug = change(article);
        if (newSlug is not null && newSlug != article.Slug)
        {
            if (!await store.TryClaimSlugAsync(newSlug, id, cancellationToken))
            {
                return new SaveOutcome.SlugTaken(newSlug);
            }
            article.Slug = newSlug;
        }
        var now = time.GetUtcNow();
        if (article.Status == ArticleStatus.Published)
        {
            article.PublishedAt ??= now;
        }
        (article.Version, article.UpdatedAt, article.LastEditorId, article.LastEditorName) = (seenVersion + 1, now, editor.Id, editor.Name);
        // The article row's ETag is the lock: of two saves of the same version, one replace fails and writes nothing.
        if (!await store.TryReplaceAsync(article, cancellationToken))
        {
            return await store.GetAsync(id, cancellationToken) is { } current
                ? await StaleAsync(current, seenVersion, cancellationToken)
                : new SaveOutcome.Missing();
        }
        await store.TryAddRevisionAsync(RevisionOf(article, restoredFrom), cancellationToken);
        await EnsureCategoryAsync(article, cancellationToken);
        if (wasPublic || article.Status == ArticleStatus.Published)
        {
            await site.RequestAsync(cancellationToken);
        }
        return new SaveOutcome.Saved(article);
    }

    private async Task<SaveOutcome> StaleAsync(ArticleEntity current, int seenVersion, CancellationToken cancellationToken)
    {
        var seen = await store.RevisionAsync(current.RowKey, seenVersion, cancellationToken);
        var now = RevisionOf(current, null);
        var changes = seen is null
            ? new RevisionDiffView(seenVersion, current.Version, RevisionDiff.Lines("", current.Body), ["title", "body"])
            : Diff(seen, now) with { Body = RevisionDiff.Changes(seen.Body, now.Body) };
        return new SaveOutcome.Stale(current, seenVersion, changes);
    }

    private static RevisionDiffView Diff(RevisionEntity before, RevisionEntity after)
    {
        var fields = new List<string>();
        void Check(string name, string? a, string? b) { if (a != b) { fields.Add(name); } }
        Check("title", before.Title, after.Title);
        Check("slug", before.Slug, after.Slug);
        Check("category", before.Category, after.Category);
        Check("summary", before.Summary, after.Summary);
        Check("status", before.Status, after.Status);
        Check("body", before.Body, after.Body);
        return new RevisionDiffView(before.Version, after.Version, RevisionDiff.Lines(before.Body, after.Body), fields);
    }

    private static RevisionEntity RevisionOf(ArticleEntity a, int? restoredFrom) => new()
    {
        PartitionKey = a.RowKey, Version = a.Version, Title = a.Title, Slug = a.Slug, Category = a.Category, Summary = a.Summary,
        Status = a.Status, Body = a.Body, EditorId = a.LastEditorId, EditorName = a.LastEditorName, SavedAt = a.UpdatedAt, RestoredFrom = restoredFrom,
    };

    private async Task EnsureCategoryAsync(ArticleEntity article, CancellationToken cancellationToken)
    {
        if (article.Category is { } category)
        {
            await store.EnsureCategoryAsync(category, cancellationToken);
        }
    }

    private async Task<string> FreeSlugAsync(string slug, string id, CancellationToken cancellationToken)
    {
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug[..Math.Min(slug.Length, Slugs.MaxLength - 4)]}-{n}";
            if (await store.TryClaimSlugAsync(candidate, id, cancellationToken))
            {
                return candidate;
            }
        }
    }
}
