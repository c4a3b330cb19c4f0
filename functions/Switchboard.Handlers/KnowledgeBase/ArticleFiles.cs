using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

public sealed record ArticleFileView(string Path, string Url, string Markdown, string ContentType, long Size);

/// <summary>
/// <c>POST /api/kb/files?name=</c> with the file as the body (what a paste or drop in the editor sends): 201 with the
/// Markdown to insert (an image shows, anything else is a link).
/// </summary>
public sealed class UploadArticleFile(ArticleFileStore files)
{
    public async Task<IResult> HandleAsync(ArticleUpload upload, CancellationToken cancellationToken = default)
    {
        var file = await files.SaveAsync(upload.Name, upload.ContentType, upload.Content, cancellationToken);
        var url = $"/api/kb/files/{file.Path}";
        var markdown = upload.ContentType.StartsWith("image/", StringComparison.Ordinal) ? $"![{upload.Name}]({url})" : $"[{upload.Name}]({url})";
        return Results.Created(url, new ArticleFileView(file.Path, url, markdown, upload.ContentType, file.Size));
    }
}

/// <summary><c>GET /api/kb/files/{fileId}/{name}</c>: an uploaded file, for the editor's preview (agents only; the site gets its own copy).</summary>
public sealed class GetArticleFile(ArticleFileStore files)
{
    public async Task<IResult> HandleAsync(string fileId, string name, CancellationToken cancellationToken = default)
    {
        if (!IsFileId(fileId) || ArticleUpload.FileName(name) != name)
        {
            return Problems.NotFound("There is no such file.");
        }
        return await files.ReadAsync($"{fileId}/{name}", cancellationToken) is { } file
            ? Results.Bytes(file.Content.ToArray(), file.ContentType)
            : Problems.NotFound("There is no such file.");
    }

    public static bool IsFileId(string fileId) => fileId is ['f', .. var hex] && hex.Length == 16 && hex.All(char.IsAsciiHexDigitLower);
}
