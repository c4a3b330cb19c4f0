using Switchboard.Core.KnowledgeBase;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

public static class ArticleRoute
{
    /// <summary>A route's article id: 404 unless it has the shape of one (<c>k</c> and 16 hex digits).</summary>
    public static RouteId Id(string id) => RouteId.Of(id, "article", ArticleStore.IsWellFormedId);

    /// <summary>An article's body may be 30,000 characters of Markdown: up to 4 bytes each in UTF-8, plus the other fields.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    internal const string IfMatchRequired =
        "Send the article's ETag (from GET /api/kb/articles/{id}) as If-Match, so no save overwrites a teammate's.";
}

/// <summary>The query of <c>GET /api/kb/articles</c>: <c>status</c> (400 unless known), <c>category</c>, <c>q</c> words.</summary>
public sealed record ArticleQuery(string? Status, string? Category, string? Words) : IRequestInput<ArticleQuery>
{
    public static ValueTask<(ArticleQuery? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var status = request.Query["status"].FirstOrDefault() is { Length: > 0 } s ? s : null;
        return ValueTask.FromResult<(ArticleQuery?, IResult?)>(status is not null && !ArticleStatus.IsKnown(status)
            ? (null, Problems.BadRequest($"status must be one of {string.Join(", ", ArticleStatus.All)}.", "status"))
            : (new ArticleQuery(status, request.Query["category"].FirstOrDefault(), request.Query["q"].FirstOrDefault()), null));
    }
}

/// <summary>A save of an article: the version it edits (If-Match, required) and the fields it changes.</summary>
public sealed record ArticleEdit(int SeenVersion, ArticleInput Body) : IRequestInput<ArticleEdit>
{
    public static async ValueTask<(ArticleEdit? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (seen, badIfMatch) = VersionTags.ReadIfMatch(request, ArticleRoute.IfMatchRequired);
        if (seen is not { } version)
        {
            return (null, badIfMatch);
        }
        var (body, invalid) = await JsonBody.ReadAsync<ArticleInput>(request, cancellationToken, maxBytes: ArticleRoute.MaxBodyBytes);
        return body is null ? (null, invalid) : (new ArticleEdit(version, body), null);
    }
}

/// <summary>The If-Match of a change without a body (restoring a revision): the version the caller saw.</summary>
public sealed record SeenVersion(int Version) : IRequestInput<SeenVersion>
{
    public static ValueTask<(SeenVersion? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (seen, badIfMatch) = VersionTags.ReadIfMatch(request, ArticleRoute.IfMatchRequired);
        return ValueTask.FromResult<(SeenVersion?, IResult?)>(seen is { } version ? (new SeenVersion(version), null) : (null, badIfMatch));
    }
}

/// <summary><c>?from=&amp;to=</c> of a diff: two version numbers, both required.</summary>
public sealed record RevisionRange(int From, int To) : IRequestInput<RevisionRange>
{
    public static ValueTask<(RevisionRange? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<(RevisionRange?, IResult?)>(
            int.TryParse(request.Query["from"].FirstOrDefault(), out var from) && int.TryParse(request.Query["to"].FirstOrDefault(), out var to)
                ? (new RevisionRange(from, to), null)
                : (null, Problems.BadRequest("from and to are required version numbers.", "from")));
}

/// <summary>
/// An upload from the editor (a paste or drop): <c>?name=</c>, the Content-Type, and the bytes of the body. Only
/// images and common documents: an HTML or SVG file served from our origin could run script.
/// </summary>
public sealed record ArticleUpload(string Name, string ContentType, BinaryData Content) : IRequestInput<ArticleUpload>
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/csv", "application/zip",
    };

    public static async ValueTask<(ArticleUpload? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (FileName(request.Query["name"].FirstOrDefault()) is not { } name)
        {
            return (null, Problems.BadRequest("name is required: the file's name, letters, digits, '.', '-' and '_' (at most 100).", "name"));
        }
        var contentType = request.ContentType?.Split(';')[0].Trim() ?? "";
        if (!Allowed.Contains(contentType))
        {
            return (null, Problems.UnsupportedMediaType($"Upload one of {string.Join(", ", Allowed)}."));
        }
        if (await RequestBody.ReadBoundedAsync(request, MaxBytes, cancellationToken) is not { Length: > 0 } bytes)
        {
            return (null, request.ContentLength is 0
                ? Problems.BadRequest("The file is empty.", "body")
                : Problems.TooLarge($"A file is limited to {MaxBytes / (1024 * 1024)} MB."));
        }
        return (new ArticleUpload(name, contentType.ToLowerInvariant(), BinaryData.FromBytes(bytes)), null);
    }

    /// <summary>A safe file name from what the editor sent (spaces become hyphens); null when nothing usable is left.</summary>
    public static string? FileName(string? name)
    {
        var cleaned = new string((name ?? "").Trim().Replace(' ', '-').Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').ToArray()).Trim('.');
        return cleaned.Length is > 0 and <= 100 ? cleaned : null;
    }
}
