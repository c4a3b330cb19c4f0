using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Switchboard.Handlers.WebApp;

/// <summary>
/// <c>GET /{*path}</c>: the agent app, served by the Function app itself on the same origin as <c>/api</c> (first-party
/// session cookie, no CORS, no fixed-fee static host). Vite's fingerprinted files under <c>assets/</c> are cached for a
/// year; everything else, and <c>index.html</c> for any path that is not a file (the app routes real paths such as
/// <c>/conversations/{id}</c>), is revalidated on every load so a deploy shows at once. Files are looked up
/// through a <see cref="PhysicalFileProvider"/>, which refuses paths that leave the folder and hidden (dot) files.
/// </summary>
public sealed class ServeWebApp(IOptions<WebAppOptions> options)
{
    public const string NotBuilt =
        "The web app is not built yet. Run ./scripts/run.sh (or: npm --prefix web ci && npm --prefix web run build).";

    private const string Immutable = "public, max-age=31536000, immutable";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly Lazy<PhysicalFileProvider?> files = new(() =>
        Directory.Exists(options.Value.EffectiveRoot) ? new PhysicalFileProvider(Path.GetFullPath(options.Value.EffectiveRoot)) : null);

    public IResult Handle(HttpRequest request, string? path)
    {
        if (files.Value is not { } provider || provider.GetFileInfo("index.html") is not { Exists: true } index)
        {
            return Results.Text(NotBuilt, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var relative = path ?? "";
        var file = relative.Length > 0 && !relative.Contains('\\') ? provider.GetFileInfo(relative) : null;
        var (served, name) = file is { Exists: true, IsDirectory: false, PhysicalPath: not null } ? (file, relative) : (index, "index.html");

        var hashed = name.StartsWith("assets/", StringComparison.Ordinal);
        request.HttpContext.Response.Headers.CacheControl = hashed ? Immutable : "no-cache";
        var contentType = ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
        var tag = new EntityTagHeaderValue($"\"{served.LastModified.UtcTicks:x}-{served.Length:x}\"");
        return Results.File(served.PhysicalPath!, contentType, lastModified: served.LastModified, entityTag: tag);
    }
}
