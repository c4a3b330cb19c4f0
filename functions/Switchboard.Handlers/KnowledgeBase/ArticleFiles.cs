using Microsoft.AspNetCore.Http;
using Switchboard.Handlers.Auth;
using Switchboard.Handlers.Hosting;
using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

public sealed record ArticleFileView(string Path, string Url, string Markdown, string ContentType, long Size);

/// <summary>
/// <c>POST /api/kb/files?name=</c> with the file as the body (what a paste or drop in the editor sends): 201 with the
/// Markdown to insert. Only images and common documents: an HTML or SVG file served from our origin could run script.
/// </summary>
public sealed class UploadArticleFile(AgentAuthenticator auth, ArticleFileStore files)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/csv", "application/zip",
    };

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        var name = FileName(request.Query["name"].FirstOrDefault());
        if (name is null)
        {
            return Problems.BadRequest("name is required: the file's name, letters, digits, '.', '-' and '_' (at most 100).", "name");
        }
        var contentType = request.ContentType?.Split(';')[0].Trim() ?? "";
        if (!Allowed.Contains(contentType))
        {
            return Problems.UnsupportedMediaType($"Upload one of {string.Join(", ", Allowed)}.");
        }
        if (await RequestBody.ReadBoundedAsync(request, MaxBytes, cancellationToken) is not { Length: > 0 } bytes)
        {
            return request.ContentLength is 0 ? Problems.BadRequest("The file is empty.", "body") : Problems.TooLarge($"A file is limited to {MaxBytes / (1024 * 1024)} MB.");
        }
        var file = await files.SaveAsync(name, contentType, BinaryData.FromBytes(bytes), cancellationToken);
        var url = $"/api/kb/files/{file.Path}";
        var markdown = contentType.StartsWith("image/", StringComparison.Ordinal) ? $"![{name}]({url})" : $"[{name}]({url})";
        return Results.Created(url, new ArticleFileView(file.Path, url, markdown, contentType, file.Size));
    }

    /// <summary>A safe file name from what the editor sent (spaces become hyphens); null when nothing usable is left.</summary>
    internal static string? FileName(string? name)
    {
        var cleaned = new string((name ?? "").Trim().Replace(' ', '-').Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').ToArray()).Trim('.');
        return cleaned.Length is > 0 and <= 100 ? cleaned : null;
    }
}

/// <summary><c>GET /api/kb/files/{fileId}/{name}</c>: an uploaded file, for the editor's preview (agents only; the site gets its own copy).</summary>
public sealed class GetArticleFile(AgentAuthenticator auth, ArticleFileStore files)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string fileId, string name, CancellationToken cancellationToken = default)
    {
        var (agent, rejection) = await auth.AuthenticateAsync(request, cancellationToken);
        if (agent is null)
        {
            return rejection!;
        }
        if (fileId is not ['f', .. var hex] || hex.Length != 16 || !hex.All(char.IsAsciiHexDigitLower) || UploadArticleFile.FileName(name) != name)
        {
            return Problems.NotFound("There is no such file.");
        }
        return await files.ReadAsync($"{fileId}/{name}", cancellationToken) is { } file
            ? Results.Bytes(file.Content.ToArray(), file.ContentType)
            : Problems.NotFound("There is no such file.");
    }
}
