using Switchboard.Storage.StaticSite;

namespace Switchboard.Handlers.StaticSite;

/// <summary>
/// The local host's stand-in for Static Web Apps: serves the current release of a section under <c>/{section}/</c>
/// with the headers the deployed site sends (<see cref="StaticWebAppConfig"/>), the section's <c>404.html</c> for
/// unknown paths, and ETags so a browser revalidates instead of downloading again. Not a function: in Azure a page
/// view costs no execution.
/// </summary>
public sealed class ServeStaticSite(StaticSiteStore store, IOptions<StaticSiteOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context, string section, string? path, CancellationToken cancellationToken = default)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = StaticWebAppConfig.ContentSecurityPolicy(options.Value.ApiOrigin);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.CacheControl = "no-cache";

        var file = await store.OpenAsync(section, path ?? "", cancellationToken);
        if (file is not null)
        {
            if (context.Request.Headers.IfNoneMatch == file.ETag)
            {
                await file.Content.DisposeAsync();
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            headers.ETag = file.ETag;
            return Results.Stream(file.Content, file.ContentType);
        }

        var notFound = await store.OpenAsync(section, "404.html", cancellationToken);
        return notFound is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"/{section}/{path} has not been published.")
            : new NotFoundPage(notFound);
    }

    /// <summary>The section's own 404 page, with status 404.</summary>
    private sealed class NotFoundPage(SiteFileContent page) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            httpContext.Response.ContentType = page.ContentType;
            await using var content = page.Content;
            await content.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
